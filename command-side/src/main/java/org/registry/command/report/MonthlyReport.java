package org.registry.command.report;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.report.ApproveMonthlyReport;
import org.registry.kernel.report.FileMonthlyReport;
import org.registry.kernel.report.MonthlyReportApproved;
import org.registry.kernel.report.MonthlyReportFiled;
import org.registry.kernel.report.MonthlyReportReturned;
import org.registry.kernel.report.ReportId;
import org.registry.kernel.report.ReturnMonthlyReport;
import org.registry.platform.eventstore.AuditMetaData;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An area's monthly report (月报): filed by a clerk of the area once the month is over, then approved or returned
 * (with a reason) by another clerk of the level above; a returned report is filed again as a new revision. What a
 * revision holds is never changed: it is the event.
 */
@Aggregate
class MonthlyReport {

    enum Status { FILED, RETURNED, APPROVED }

    @AggregateIdentifier
    private ReportId reportId;
    private Status status;
    private int revision;
    private String filedBy;

    MonthlyReport() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FileMonthlyReport command, Clock clock, @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        LocalDate today = LocalDate.now(clock);
        ReportId id = command.reportId();
        if (!today.isAfter(id.month().atEndOfMonth())) {
            throw RejectionException.unprocessable("month", "MONTH_NOT_OVER",
                    "the report of " + id.month() + " is filed once the month is over, not on " + today);
        }
        if (status == Status.FILED || status == Status.APPROVED) {
            throw RejectionException.conflict("REPORT_ALREADY_FILED", "report " + id + " is "
                    + status + " (revision " + revision + "); it is filed again only once returned");
        }
        apply(new MonthlyReportFiled(id, revision + 1, command.figures(), actor, today, command.dueOn(),
                today.isAfter(command.dueOn())));
    }

    @CommandHandler
    void handle(ReturnMonthlyReport command, Clock clock, @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        requireAwaitingDecision("returned", actor);
        apply(new MonthlyReportReturned(reportId, revision, command.reason(), actor, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(ApproveMonthlyReport command, Clock clock, @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        requireAwaitingDecision("approved", actor);
        apply(new MonthlyReportApproved(reportId, revision, actor, LocalDate.now(clock)));
    }

    private void requireAwaitingDecision(String decision, String actor) {
        if (status != Status.FILED) {
            throw RejectionException.invalidState("report " + reportId + " is " + status + " (revision " + revision
                    + "); only a filed report is " + decision);
        }
        if (actor != null && actor.equals(filedBy)) {
            throw RejectionException.forbidden("FOUR_EYES_VIOLATION", "user '" + actor + "' filed revision "
                    + revision + " of report " + reportId + "; another clerk of the level above decides on it");
        }
    }

    @EventSourcingHandler
    void on(MonthlyReportFiled event) {
        reportId = event.reportId();
        revision = event.revision();
        filedBy = event.filedBy();
        status = Status.FILED;
    }

    @EventSourcingHandler
    void on(MonthlyReportReturned event) {
        status = Status.RETURNED;
    }

    @EventSourcingHandler
    void on(MonthlyReportApproved event) {
        status = Status.APPROVED;
    }
}
