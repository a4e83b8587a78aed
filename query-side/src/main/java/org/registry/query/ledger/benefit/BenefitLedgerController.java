package org.registry.query.ledger.benefit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.Report;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

@RestController
@Tag(name = "Ledgers")
class BenefitLedgerController {

    private final BenefitQueries queries;

    BenefitLedgerController(BenefitQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/ledgers/benefit-payments")
    @ReadsFrom(BenefitLedger.PROJECTION)
    @Operation(summary = "Payments for the periods that begin in a period (period=2026-03: the month's payments; "
            + "period=2026: the year's, monthly and yearly, as from=2026-01-01&to=2026-12-31), or in [from, to]; of "
            + "one programme when given; in the area of the recipient's household when the payment was recorded. A "
            + "yearly payment begins on 1 January. Rows paged from 0, totals {recipients, amount, byProgramme} of all "
            + "rows")
    BenefitPaymentsView payments(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                 @RequestParam(required = false) Programme programme,
                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String period,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        AreaSql area = AreaSql.forCaller(areaCode);
        Paging paging = Paging.of(page, size);
        if (period == null || period.isBlank()) {
            if (from == null && to == null) {
                throw RejectionException.invalid("period", "VALIDATION_FAILED",
                        "period (YYYY-MM or YYYY) is required, or from and to");
            }
            return queries.payments(new Report(area, from, to, KnownAt.LIVE), programme, null, paging);
        }
        if (from != null || to != null) {
            throw RejectionException.invalid("period", "VALIDATION_FAILED", "give a period, or from and to, not both");
        }
        String value = period;
        try {
            if (value.matches("\\d{4}")) {
                Year year = Year.parse(value);
                return queries.payments(new Report(area, year.atDay(1), year.atMonth(12).atEndOfMonth(),
                        KnownAt.LIVE), programme, value, paging);
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                return queries.payments(new Report(area, month.atDay(1), month.atEndOfMonth(), KnownAt.LIVE),
                        programme, value, paging);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw RejectionException.invalid("period", "VALIDATION_FAILED",
                "a period is a month (YYYY-MM) or a year (YYYY), got '" + period + "'");
    }

    @GetMapping("/api/ledgers/benefit-claims")
    @ReadsFrom(BenefitLedger.PROJECTION)
    @Operation(summary = "Claims by stage: a page of the claims of the area (by the claimant's household now), of a "
            + "programme and a status when given, and byStatus: how many claims stand at each stage")
    BenefitClaimsView claims(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                             @RequestParam(required = false) Programme programme,
                             @RequestParam(required = false) ClaimStatus status,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        return queries.claims(AreaSql.forCaller(areaCode), programme, status, Paging.of(page, size));
    }

    @GetMapping("/api/public-notices")
    @ReadsFrom(BenefitLedger.PROJECTION)
    @Operation(summary = "The public-notice board (公示): claims in their public notice now, of the area; names and "
            + "IDs masked for every reader, as the board is public. Paged from 0")
    PageView<PublicNotice> notices(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return queries.notices(AreaSql.forCaller(areaCode), Paging.of(page, size));
    }
}
