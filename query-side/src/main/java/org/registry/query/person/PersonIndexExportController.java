package org.registry.query.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.Residency;
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
record PersonIndexExportController(PersonIndex index, LedgerExports exports) {

    /** The columns of the person index (人口信息索引): label key, and where the value is in a person's JSON. */
    static final Map<String, String> COLUMNS = LedgerColumns.fields("personId", "name", "nationalId", "sex",
            "birthDate", "ethnicity", "maritalStatus", "residency", "communityCode", "householdId", "relationToHead",
            "residentSince", "origin")
            .at("certificateNumber", "/certificate/number").at("certificateExpiry", "/certificate/expiry")
            .and("diedOn").map();

    @GetMapping("/api/ledgers/person-index")
    @ReadsFrom(PersonIndex.NAME)
    @Operation(summary = "The person index (人口信息索引) of an area as a download: format csv (UTF-8 with a BOM, or "
            + "charset GBK) or xlsx, streamed; not for analysts, like the JSON register")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String areaCode,
                                                 @RequestParam(required = false) Residency residency,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String format,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String charset,
                                                 HttpServletRequest request) {
        return exports.register("person-index", COLUMNS, areaCode, format, charset, request,
                area -> row -> index.each(area, residency, LedgerExports.FETCH_SIZE, row::accept));
    }
}
