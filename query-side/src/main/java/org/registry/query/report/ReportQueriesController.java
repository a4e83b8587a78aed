package org.registry.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportQueriesController {

    private final ReportQueries queries;

    ReportQueriesController(ReportQueries queries) {
        this.queries = queries;
    }

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
}
