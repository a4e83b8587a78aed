package org.registry.kernel.report;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A clerk of the area filed revision {@code revision} of its monthly report, holding {@code figures} as known at
 * the instant of filing ({@code figures.indicators().knownAt()}); {@code late} when {@code filedOn} lies after
 * {@code dueOn}.
 */
@Revision("1")
public record MonthlyReportFiled(ReportId reportId,
                                 int revision,
                                 MonthlyFiguresView figures,
                                 String filedBy,
                                 LocalDate filedOn,
                                 LocalDate dueOn,
                                 boolean late) implements MonthlyReportEvent {
}
