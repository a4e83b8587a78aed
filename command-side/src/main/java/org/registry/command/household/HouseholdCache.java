package org.registry.command.household;

import org.axonframework.modelling.command.Repository;
import org.registry.platform.eventstore.CachedAggregates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Households stay in memory between commands, checked against the store at every load ({@link CachedAggregates}). */
@Configuration(proxyBeanMethods = false)
class HouseholdCache {

    @Bean
    Repository<Household> householdRepository(CachedAggregates.Factory aggregates) {
        return aggregates.repository(Household.class);
    }
}
