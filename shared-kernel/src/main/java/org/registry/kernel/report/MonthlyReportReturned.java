package org.registry.kernel.report;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * The level above returned revision {@code revision} to be filed again, for {@code reason}: free text a clerk wrote,
 * which may name persons, so masked for analysts like every note.
 */
@Revision("1")
public record MonthlyReportReturned(ReportId reportId,
                                    int revision,
                                    @PersonalData String reason,
                                    String returnedBy,
                                    LocalDate returnedOn) implements MonthlyReportEvent {
}
