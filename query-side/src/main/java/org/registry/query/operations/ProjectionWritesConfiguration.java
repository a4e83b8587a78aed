package org.registry.query.operations;

import org.registry.query.api.ProjectionWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The template live projections write with ({@link ProjectionWrites}). Not a default candidate: everything else is
 * given the application's own {@code JdbcTemplate}, which sends each statement at once.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionWritesConfiguration {

    @Bean(defaultCandidate = false)
    @ProjectionWrites
    JdbcTemplate projectionWritesJdbcTemplate(DataSource dataSource,
                                              @Value("${registry.projections.batch-inserts:true}") boolean batch) {
        return batch ? new BatchingJdbcTemplate(dataSource) : new JdbcTemplate(dataSource);
    }
}
