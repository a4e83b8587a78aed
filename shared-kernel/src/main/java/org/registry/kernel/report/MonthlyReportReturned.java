package org.registry.kernel.report;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The level above returned revision {@code revision} to be filed again, for {@code reason}. */
@Revision("1")
public record MonthlyReportReturned(ReportId reportId,
                                    int revision,
                                    String reason,
                                    String returnedBy,
                                    LocalDate returnedOn) implements MonthlyReportEvent {
}
