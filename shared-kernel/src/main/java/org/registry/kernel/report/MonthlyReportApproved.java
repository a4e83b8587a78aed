package org.registry.kernel.report;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The level above approved revision {@code revision}: the report is final. */
@Revision("1")
public record MonthlyReportApproved(ReportId reportId,
                                    int revision,
                                    String approvedBy,
                                    LocalDate approvedOn) implements MonthlyReportEvent {
}
