package org.registry.kernel.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The reports of a month for every community and township below an area ({@code GET /api/reports}), and the on-time
 * rate: areas whose report was first filed by the due day, percent of the areas listed.
 */
public record ReportListView(String areaCode, YearMonth month, LocalDate dueOn, OnTime onTime, List<Row> reports) {

    public record OnTime(BigDecimal value, long onTime, long expected) {
    }

    /**
     * @param reportId the report's id, also for an area that has not filed (the id it will have)
     * @param overdue  not filed, and the due day has passed
     */
    public record Row(String areaCode, String level, String reportId, ReportStatus status, boolean overdue,
                      Integer revision, boolean late, LocalDate firstFiledOn, String filedBy, String approvedBy) {
    }
}
