package org.registry.query;

import org.registry.platform.Platform;
import org.registry.platform.migration.SchemaMigration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/** The query side: projections, one processing group each, and the HTTP reads. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import(Platform.class)
public class QuerySide {

    /** The projections' tables. */
    public static final SchemaMigration MIGRATION = new SchemaMigration("query", "classpath:db/query", 20);

    @Bean
    SchemaMigration querySideMigration() {
        return MIGRATION;
    }
}
