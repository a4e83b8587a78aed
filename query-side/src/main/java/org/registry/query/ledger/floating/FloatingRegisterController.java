package org.registry.query.ledger.floating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.Report;
import org.registry.query.document.LedgerExports;
import org.registry.query.ledger.LedgerColumns;
import org.registry.query.residence.Residents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

@RestController
@Tag(name = "Ledgers")
record FloatingRegisterController(FloatingRegister register, Clock clock, LedgerExports exports) {

    @GetMapping("/api/ledgers/floating-population")
    @ReadsFrom(Residents.PROJECTION)
    @Operation(summary = "The floating-population register: IN (流入, floating residents living here: origin, "
            + "certificate) or OUT (流出, residents living elsewhere: destination). As of a day (asOf, default today): "
            + "who was in the register that day; or over a period (from and to): who came (IN) or left (OUT) in it. "
            + "certificate=EXPIRED|EXPIRING|VALID|NONE filters IN entries by their certificate on that day "
            + "(EXPIRING: within expiringWithinDays, default 30). Paged from 0")
    PageView<FloatingEntry> entries(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                    @RequestParam(required = false) Direction direction,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate asOf,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate to,
                                    @RequestParam(required = false) CertificateStatus certificate,
                                    @RequestParam(required = false) Integer expiringWithinDays,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        Read read = read(areaCode, direction, asOf, from, to, certificate, expiringWithinDays);
        return register.entries(read.report(), read.direction(), read.period(), certificate, read.window(),
                Paging.of(page, size));
    }

    /** The columns of the register as a download: label key, and where the value is in an entry's JSON. */
    static final Map<String, String> COLUMNS = LedgerColumns.fields("personId", "name", "nationalId", "sex",
            "birthDate", "direction", "communityCode", "householdId", "since", "until", "origin", "destination",
            "moveReason", "certificateNumber", "certificateExpiry", "certificateStatus").map();

    @GetMapping("/api/ledgers/floating-population/export")
    @ReadsFrom(Residents.PROJECTION)
    @Operation(summary = "The floating-population register (流动人口台账) as a download, the same entries as "
            + "/api/ledgers/floating-population (same parameters, all pages, areaCode required): format csv (UTF-8 "
            + "with a BOM, or charset GBK) or xlsx, streamed; masked per role as the JSON")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String areaCode,
                                                 @RequestParam(required = false) Direction direction,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                 @RequestParam(required = false) CertificateStatus certificate,
                                                 @RequestParam(required = false) Integer expiringWithinDays,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String format,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String charset,
                                                 HttpServletRequest request) {
        Read read = read(LedgerExports.requiredArea(areaCode), direction, asOf, from, to, certificate,
                expiringWithinDays);
        return exports.export("floating-population", COLUMNS, format, charset, request,
                row -> register.each(read.report(), read.direction(), read.period(), certificate, read.window(),
                        row::accept), null);
    }

    /** A read of the register, its parameters checked: the same for the JSON and the download. */
    private record Read(Report report, Direction direction, boolean period, int window) {
    }

    private Read read(String areaCode, Direction direction, LocalDate asOf, LocalDate from, LocalDate to,
                      CertificateStatus certificate, Integer expiringWithinDays) {
        Direction side = direction == null ? Direction.IN : direction;
        boolean period = from != null || to != null;
        if (period && asOf != null) {
            throw RejectionException.invalid("asOf", "VALIDATION_FAILED",
                    "asOf lists the register on a day, from and to the moves of a period: give one or the other");
        }
        if (certificate != null && side != Direction.IN) {
            throw RejectionException.invalid("certificate", "VALIDATION_FAILED",
                    "certificates belong to floating residents: direction IN");
        }
        int window = expiringWithinDays == null ? FloatingRegister.DEFAULT_EXPIRY_WINDOW_DAYS : expiringWithinDays;
        if (window < 0 || window > 3660) {
            throw RejectionException.invalid("expiringWithinDays", "VALIDATION_FAILED",
                    "expiringWithinDays is from 0 to 3660");
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
        Report report = period ? new Report(AreaSql.forCaller(areaCode), from, to, KnownAt.LIVE)
                : new Report(AreaSql.forCaller(areaCode), day, day, KnownAt.LIVE);
        return new Read(report, side, period, window);
    }
}
