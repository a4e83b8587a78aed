package org.registry.query.api;

import org.registry.platform.jdbc.CustomPlans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;

/**
 * The template figures are read with ({@link FigureReads}). Not a default candidate: everything else is given the
 * application's own.
 */
@Configuration(proxyBeanMethods = false)
class FigureReadsConfiguration {

    @Bean(defaultCandidate = false)
    @FigureReads
    NamedParameterJdbcTemplate figureReadsJdbcTemplate(DataSource dataSource) {
        return new NamedParameterJdbcTemplate(CustomPlans.template(dataSource));
    }
}
