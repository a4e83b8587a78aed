package org.registry.query.ledger.benefit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
import org.registry.query.document.Attachments;
import org.registry.query.document.DocumentLocale;
import org.registry.query.document.Labels;
import org.registry.query.document.LedgerExports;
import org.registry.query.document.PdfDocuments;
import org.registry.query.ledger.LedgerColumns;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

@RestController
@Tag(name = "Ledgers")
record BenefitLedgerController(BenefitQueries queries, LedgerExports exports, MessageSource messages, Clock clock) {

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
        Periods read = periods(AreaSql.forCaller(areaCode), period, from, to);
        return queries.payments(read.report(), programme, read.period(), Paging.of(page, size));
    }

    /** The columns of the payments as a download: label key, and where the value is in a payment's JSON. */
    static final Map<String, String> PAYMENT_COLUMNS = LedgerColumns.fields("communityCode", "personId", "name",
            "nationalId", "programme", "period", "amount", "paidOn", "claimId").map();

    @GetMapping("/api/ledgers/benefit-payments/export")
    @ReadsFrom(BenefitLedger.PROJECTION)
    @Operation(summary = "The benefit payments (奖励扶助发放明细) as a download, the rows of /api/ledgers/benefit-payments "
            + "(same parameters, all pages, areaCode required) and a last row of totals (合计, the sum of the "
            + "amounts): format csv (UTF-8 with a BOM, or charset GBK) or xlsx, streamed; masked per role as the JSON")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String areaCode,
                                                 @RequestParam(required = false) Programme programme,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String period,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String format,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String charset,
                                                 HttpServletRequest request) {
        Periods read = periods(AreaSql.forCaller(LedgerExports.requiredArea(areaCode)), period, from, to);
        return exports.export("benefit-payments", PAYMENT_COLUMNS, format, charset, request,
                row -> queries.eachPayment(read.report(), programme, row::accept), LedgerExports.sum("/amount"));
    }

    /** The periods a read of the payments covers, its parameters checked: the same for the JSON and the download. */
    private record Periods(Report report, String period) {
    }

    private static Periods periods(AreaSql area, String period, LocalDate from, LocalDate to) {
        if (period == null || period.isBlank()) {
            if (from == null && to == null) {
                throw RejectionException.invalid("period", "VALIDATION_FAILED",
                        "period (YYYY-MM or YYYY) is required, or from and to");
            }
            return new Periods(new Report(area, from, to, KnownAt.LIVE), null);
        }
        if (from != null || to != null) {
            throw RejectionException.invalid("period", "VALIDATION_FAILED", "give a period, or from and to, not both");
        }
        String value = period;
        try {
            if (value.matches("\\d{4}")) {
                Year year = Year.parse(value);
                return new Periods(new Report(area, year.atDay(1), year.atMonth(12).atEndOfMonth(), KnownAt.LIVE),
                        value);
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                return new Periods(new Report(area, month.atDay(1), month.atEndOfMonth(), KnownAt.LIVE), value);
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

    @GetMapping("/api/ledgers/public-notice-board")
    @ReadsFrom(BenefitLedger.PROJECTION)
    @Operation(summary = "The public-notice board (公示) of an area as a printable A4 PDF: every claim of "
            + "/api/public-notices (all pages, areaCode required), names and IDs masked as on the board, Chinese "
            + "labels (English with Accept-Language: en) in the embedded font; streamed")
    ResponseEntity<StreamingResponseBody> noticeBoard(@RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                      String areaCode,
                                                      HttpServletRequest request) {
        String code = LedgerExports.requiredArea(areaCode);
        AreaSql area = AreaSql.forCaller(code);
        Labels labels = new Labels(messages, DocumentLocale.of(request));
        LocalDateTime now = LocalDateTime.now(clock);
        StreamingResponseBody body = exports.readingWhileWritten(out -> PublicNoticeBoardDocument.write(
                code, labels, clock.getZone(), now, notice -> queries.eachNotice(area, notice), out));
        return Attachments.of("public-notice-board-" + code + ".pdf", PdfDocuments.MEDIA_TYPE, body);
    }
}
