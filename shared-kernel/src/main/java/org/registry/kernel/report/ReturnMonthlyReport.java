package org.registry.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

/** The level above returns the filed report to be filed again, saying why. */
public record ReturnMonthlyReport(@TargetAggregateIdentifier ReportId reportId, String reason) {

    public ReturnMonthlyReport {
        Require.present(reportId, "reportId");
        reason = Require.note(reason, "reason", TextLimits.REASON);
    }
}
