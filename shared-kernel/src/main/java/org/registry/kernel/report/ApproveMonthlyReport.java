package org.registry.kernel.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

/** The level above approves the filed report. */
public record ApproveMonthlyReport(@TargetAggregateIdentifier ReportId reportId) {

    public ApproveMonthlyReport {
        Require.present(reportId, "reportId");
    }
}
