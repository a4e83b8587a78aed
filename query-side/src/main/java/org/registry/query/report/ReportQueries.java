package org.registry.query.report;

import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.report.MonthlyReportView;
import org.registry.kernel.report.ReportId;
import org.registry.kernel.report.ReportListView;
import org.registry.kernel.report.ReportStatus;
import org.registry.platform.security.CurrentUser;
import org.registry.query.api.Rates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The reads of the monthly reports: one report, and the month's reports of the areas below a prefix. */
@Component
class ReportQueries {

    private final MonthlyReports reports;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int dueDay;

    ReportQueries(MonthlyReports reports, JdbcTemplate jdbc, Clock clock,
                  @Value("${registry.reports.due-day:2}") int dueDay) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dueDay = dueDay;
    }

    /** The report, which the caller may read when its area lies in the caller's scope. */
    MonthlyReportView report(ReportId id) {
        CurrentUser.requireScope(id.areaCode());
        return reports.find(id.toString()).orElseThrow(() -> RejectionException.notFound("REPORT_NOT_FOUND",
                "no report " + id + " has been filed"));
    }

    /**
     * Every community below the area that has a household in the register, every township of those, and every area
     * that filed: each expected to report.
     */
    ReportListView list(AreaCode area, YearMonth month) {
        String prefix = area.value();
        TreeSet<String> areas = new TreeSet<>();
        jdbc.queryForList("SELECT DISTINCT community_code FROM household_register WHERE community_code LIKE ?",
                String.class, prefix + "%").forEach(community -> {
            areas.add(community);
            if (community.substring(0, 9).startsWith(prefix)) {
                areas.add(community.substring(0, 9));
            }
        });
        Map<String, MonthlyReportView> filed = reports.below(prefix, month).stream()
                .collect(Collectors.toMap(MonthlyReportView::areaCode, Function.identity()));
        areas.addAll(filed.keySet());
        LocalDate dueOn = ReportId.dueOn(month, dueDay);
        boolean overdue = LocalDate.now(clock).isAfter(dueOn);
        List<ReportListView.Row> rows = new ArrayList<>();
        long onTime = 0;
        for (String code : areas) {
            ReportId id = new ReportId(new AreaCode(code), month);
            String level = code.length() == 12 ? "COMMUNITY" : "TOWNSHIP";
            MonthlyReportView report = filed.get(code);
            if (report == null) {
                rows.add(new ReportListView.Row(code, level, id.toString(), ReportStatus.DUE, overdue, null, false,
                        null, null, null));
                continue;
            }
            if (!report.late()) {
                onTime++;
            }
            rows.add(new ReportListView.Row(code, level, id.toString(), report.status(), false, report.revision(),
                    report.late(), report.firstFiledOn(), report.filedBy(), report.approvedBy()));
        }
        return new ReportListView(prefix, month, dueOn,
                new ReportListView.OnTime(Rates.percent(onTime, rows.size()), onTime, rows.size()), rows);
    }
}
