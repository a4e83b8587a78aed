package org.registry.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.report.MonthlyReportView;
import org.registry.kernel.report.ReportId;
import org.registry.kernel.report.ReportListView;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.StrictParameters;
import org.registry.platform.web.Text;
import org.registry.query.api.ReadsFrom;
import org.registry.query.document.Attachments;
import org.registry.query.document.DocumentLocale;
import org.registry.query.document.Labels;
import org.registry.query.document.PdfDocuments;
import org.registry.query.document.Tabular;
import org.registry.query.document.XlsxDocuments;
import org.registry.query.ledger.benefit.BenefitLedger;
import org.registry.query.ledger.checkup.CheckUpLedger;
import org.registry.query.residence.Residents;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.LocalDateTime;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
record ReportQueriesController(ReportQueries queries, ReportRevisions revisions, MessageSource messages, Clock clock) {

    @GetMapping
    @ReadsFrom({MonthlyReports.NAME, "household-register"})
    @Operation(summary = "The monthly reports of every community and township below an area (division code prefix) "
            + "for a month (YYYY-MM), each with its status (DUE, FILED, LATE, RETURNED, APPROVED), and the on-time "
            + "rate with its numerator and denominator")
    ReportListView list(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                        @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String month) {
        if (areaCode == null || areaCode.isBlank()) {
            throw RejectionException.invalid("areaCode", "VALIDATION_FAILED", "areaCode is required");
        }
        if (month == null || month.isBlank()) {
            throw RejectionException.invalid("month", "VALIDATION_FAILED", "month is required (YYYY-MM)");
        }
        AreaCode area = new AreaCode(areaCode);
        CurrentUser.requireScope(area);
        return queries.list(area, StrictParameters.month(month, "month"));
    }

    @GetMapping(value = "/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ReadsFrom(MonthlyReports.NAME)
    @Operation(summary = "A monthly report (id <areaCode>-<YYYY-MM>) with its figures exactly as filed; also as "
            + "XLSX or PDF by Accept")
    MonthlyReportView report(@PathVariable String reportId) {
        return queries.report(ReportId.of(reportId));
    }

    @GetMapping(value = "/{reportId}", produces = XlsxDocuments.MEDIA_TYPE)
    @ReadsFrom(MonthlyReports.NAME)
    @Operation(hidden = true)
    ResponseEntity<StreamingResponseBody> xlsx(@PathVariable String reportId, HttpServletRequest request) {
        return document(reportId, "xlsx", request);
    }

    @GetMapping(value = "/{reportId}", produces = PdfDocuments.MEDIA_TYPE)
    @ReadsFrom(MonthlyReports.NAME)
    @Operation(hidden = true)
    ResponseEntity<StreamingResponseBody> pdf(@PathVariable String reportId, HttpServletRequest request) {
        return document(reportId, "pdf", request);
    }

    @GetMapping("/{reportId}/revisions")
    @ReadsFrom({MonthlyReports.NAME, Residents.PROJECTION, CheckUpLedger.PROJECTION, BenefitLedger.PROJECTION})
    @Operation(summary = "The revisions of a filed report since its filing (月月清): every figure whose value as known "
            + "now differs from its value as filed (as known at the filing of the current revision), filed and now, "
            + "and the records that entered or left its list since, each with the facts recorded on it since: who "
            + "recorded them, in which role, when and why. Labels in Chinese, in English with Accept-Language: en")
    ReportRevisionsView revisions(@PathVariable String reportId, HttpServletRequest request) {
        return revisions.revisions(ReportId.of(reportId), new Labels(messages, DocumentLocale.of(request)));
    }

    @GetMapping("/{reportId}/document")
    @ReadsFrom(MonthlyReports.NAME)
    @Operation(summary = "The monthly report as an office document, format xlsx (the tables, numerators and "
            + "denominators beside each ratio) or pdf (A4, printable, with the office, the period, who filed and who "
            + "approved); labels in Chinese, in English with Accept-Language: en. The same as GET /api/reports/{id} "
            + "with Accept naming the format")
    ResponseEntity<StreamingResponseBody> document(@PathVariable String reportId,
                                                   @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                   String format,
                                                   HttpServletRequest request) {
        MonthlyReportView report = queries.report(ReportId.of(reportId));
        Labels labels = new Labels(messages, DocumentLocale.of(request));
        Tabular document = MonthlyReportDocument.of(report, labels, clock.getZone());
        String name = "report-" + report.reportId();
        if ("pdf".equals(format)) {
            String footer = labels.get("document.generatedAt") + " "
                    + LocalDateTime.now(clock).withNano(0).toString().replace('T', ' ');
            return Attachments.of(name + ".pdf", PdfDocuments.MEDIA_TYPE,
                    out -> PdfDocuments.write(document, footer, out));
        }
        if (format == null || "xlsx".equals(format)) {
            return Attachments.of(name + ".xlsx", XlsxDocuments.MEDIA_TYPE,
                    out -> XlsxDocuments.write(document, report.month().toString(), out));
        }
        throw RejectionException.invalid("format", "VALIDATION_FAILED", "format is xlsx or pdf");
    }
}
