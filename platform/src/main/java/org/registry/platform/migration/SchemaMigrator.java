package org.registry.platform.migration;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every module's {@link SchemaMigration} with Flyway, in order. It is registered as a database
 * initializer ({@link SchemaMigratorDetector}), so Spring creates every {@code JdbcTemplate} user after it:
 * nothing touches a table before its schema is in place. The schema is never generated from code.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;

    public SchemaMigrator(DataSource dataSource, List<SchemaMigration> migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(SchemaMigration::order)).toList();
    }

    @Override
    public void afterPropertiesSet() {
        for (SchemaMigration migration : migrations) {
            Flyway flyway = Flyway.configure()
                                  .dataSource(dataSource)
                                  .locations(migration.location())
                                  .table("flyway_history_" + migration.name())
                                  .baselineOnMigrate(true)
                                  .baselineVersion("0")
                                  .load();
            int applied = flyway.migrate().migrationsExecuted;
            log.info("Schema '{}' at version {} ({} migration(s) applied now)",
                     migration.name(), flyway.info().current().getVersion(), applied);
        }
    }
}
