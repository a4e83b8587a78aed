package org.registry.command.report;

import org.axonframework.modelling.command.Repository;
import org.registry.platform.eventstore.CachedAggregates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Monthly reports stay in memory between commands, checked against the store ({@link CachedAggregates}). */
@Configuration(proxyBeanMethods = false)
class MonthlyReportCache {

    @Bean
    Repository<MonthlyReport> monthlyReportRepository(CachedAggregates.Factory aggregates) {
        return aggregates.repository(MonthlyReport.class);
    }
}
