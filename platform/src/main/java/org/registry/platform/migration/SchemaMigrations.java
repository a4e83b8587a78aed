package org.registry.platform.migration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The event store's own migrations, and the migrator that runs every module's at start-up. */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    /** The event store's tables and Axon's token table. */
    public static final SchemaMigration EVENT_STORE = new SchemaMigration("eventstore", "classpath:db/eventstore", 0);

    @Bean
    public SchemaMigration eventStoreMigration() {
        return EVENT_STORE;
    }

    @Bean
    public SchemaMigrator schemaMigrator(DataSource dataSource, ObjectProvider<SchemaMigration> migrations) {
        return new SchemaMigrator(dataSource, migrations.orderedStream().toList());
    }
}
