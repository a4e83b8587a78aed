package org.registry.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

import java.time.LocalDate;

/** File (or, once returned, file again) an area's report of a month with the figures read at the instant of filing. */
public record FileMonthlyReport(@TargetAggregateIdentifier ReportId reportId, MonthlyFiguresView figures,
                                LocalDate dueOn) {

    public FileMonthlyReport {
        Require.present(reportId, "reportId");
        Require.present(figures, "figures");
        Require.present(dueOn, "dueOn");
    }
}
