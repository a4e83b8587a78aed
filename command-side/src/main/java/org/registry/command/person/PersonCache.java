package org.registry.command.person;

import org.axonframework.modelling.command.Repository;
import org.registry.platform.eventstore.CachedAggregates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Persons stay in memory between commands, checked against the store at every load ({@link CachedAggregates}). */
@Configuration(proxyBeanMethods = false)
class PersonCache {

    @Bean
    Repository<Person> personRepository(CachedAggregates.Factory aggregates) {
        return aggregates.repository(Person.class);
    }
}
