package org.registry.query.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdKind;
import org.registry.platform.web.Text;
import org.registry.query.api.ReadsFrom;
import org.registry.query.document.LedgerExports;
import org.registry.query.ledger.LedgerColumns;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Map;

@RestController
@Tag(name = "Ledgers")
record HouseholdRegisterExportController(HouseholdRegister register, LedgerExports exports) {

    /** The columns of the household register (户籍册): label key, and where the value is in a household's JSON. */
    static final Map<String, String> COLUMNS = LedgerColumns.fields("householdId", "communityCode", "householdNumber",
            "address", "postalCode", "kind", "registeredOn").map();

    @GetMapping("/api/ledgers/household-register")
    @ReadsFrom(HouseholdRegister.NAME)
    @Operation(summary = "The household register (户籍册) of an area as a download: format csv (UTF-8 with a BOM, or "
            + "charset GBK) or xlsx, streamed; not for analysts, like the JSON register")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String areaCode,
                                                 @RequestParam(required = false) HouseholdKind kind,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String format,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String charset,
                                                 HttpServletRequest request) {
        return exports.register("household-register", COLUMNS, areaCode, format, charset, request,
                area -> row -> register.each(area, kind, LedgerExports.FETCH_SIZE, row::accept));
    }
}
