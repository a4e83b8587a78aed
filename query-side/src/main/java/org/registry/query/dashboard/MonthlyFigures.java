package org.registry.query.dashboard;

import org.axonframework.queryhandling.QueryHandler;
import org.registry.kernel.report.GetMonthlyFigures;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.springframework.stereotype.Component;

/**
 * Answers the command side's {@link GetMonthlyFigures}: a month's indicators and population balance as known at an
 * instant, read exactly as the dashboard reads them, so a filed report and the dashboard's {@code knownAt} agree.
 */
@Component
class MonthlyFigures {

    private final DashboardQueries queries;

    MonthlyFigures(DashboardQueries queries) {
        this.queries = queries;
    }

    @QueryHandler
    MonthlyFiguresView handle(GetMonthlyFigures query) {
        Report report = new Report(AreaSql.of(query.areaCode()), query.month().atDay(1),
                query.month().atEndOfMonth(), new KnownAt(query.knownAt()));
        return new MonthlyFiguresView(queries.indicators(report), queries.balance(report).get(0));
    }
}
