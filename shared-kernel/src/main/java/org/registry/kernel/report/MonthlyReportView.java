package org.registry.kernel.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A filed monthly report ({@code GET /api/reports/{id}}): its latest revision with its figures exactly as filed.
 *
 * @param late     the first revision was filed after {@code dueOn}
 * @param filedAt  the instant the latest revision was recorded (its figures are as known then)
 * @param returned the latest return, if the report was ever returned
 */
public record MonthlyReportView(String reportId,
                                String areaCode,
                                YearMonth month,
                                ReportStatus status,
                                int revision,
                                LocalDate dueOn,
                                boolean late,
                                LocalDate firstFiledOn,
                                String filedBy,
                                LocalDate filedOn,
                                Instant filedAt,
                                Return returned,
                                String approvedBy,
                                LocalDate approvedOn,
                                MonthlyFiguresView figures) {

    public record Return(int revision, String reason, String returnedBy, LocalDate returnedOn) {
    }
}
