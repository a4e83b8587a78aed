package org.registry.query.dashboard;

import org.axonframework.queryhandling.QueryHandler;
import org.registry.kernel.report.GetMonthlyFigures;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.eventstore.EventPositions;
import org.registry.query.api.AreaSql;
import org.registry.query.api.ReadYourWrites;
import org.registry.query.ledger.benefit.BenefitLedger;
import org.registry.query.ledger.checkup.CheckUpLedger;
import org.registry.query.residence.Residents;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Answers the command side's {@link GetMonthlyFigures}: a month's indicators and population balance as known at an
 * instant, read exactly as the dashboard reads them, so a filed report and the dashboard's {@code knownAt} agree.
 */
@Component
record MonthlyFigures(DashboardQueries queries, ReadYourWrites reads, EventPositions positions) {

    /**
     * The figures as known at the instant: first the projections they are read from catch up with every event stored
     * by then (the clerk's own last writes included), or the filing is refused, to be retried.
     */
    @QueryHandler
    MonthlyFiguresView handle(GetMonthlyFigures query) throws InterruptedException {
        // an empty store (an office's first report, before any registration) has nothing to wait for
        OptionalLong stored = positions.head();
        long head = stored.orElse(0);
        if (stored.isPresent() && reads.await(head, Residents.PROJECTION, CheckUpLedger.PROJECTION,
                BenefitLedger.PROJECTION) != ReadYourWrites.Wait.REACHED) {
            throw RejectionException.conflict("FIGURES_NOT_YET_CURRENT", "the read side has not yet handled every "
                    + "event recorded before the filing (position " + head + "); file again shortly");
        }
        Report report = new Report(AreaSql.of(query.areaCode()), query.month().atDay(1),
                query.month().atEndOfMonth(), new KnownAt(query.knownAt()));
        return queries.monthlyFigures(report);
    }
}
