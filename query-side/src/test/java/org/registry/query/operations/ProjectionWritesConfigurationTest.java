package org.registry.query.operations;

import org.junit.jupiter.api.Test;
import org.registry.query.api.ProjectionWrites;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Live projections are given the batching template; everything else keeps the application's plain one. */
class ProjectionWritesConfigurationTest {

    /** A projection, as far as its constructor goes. */
    record SomeProjection(@ProjectionWrites JdbcTemplate jdbc) {
    }

    /** Anything else that writes through a {@code JdbcTemplate}: the command side, the directory, the importer. */
    record SomethingElse(JdbcTemplate jdbc) {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:writes"))
            .withUserConfiguration(ProjectionWritesConfiguration.class)
            .withBean(SomeProjection.class)
            .withBean(SomethingElse.class);

    @Test
    void projectionsBatchTheirInsertsAndNothingElseDoes() {
        context.run(app -> {
            assertThat(app.getBean(SomeProjection.class).jdbc()).isInstanceOf(BatchingJdbcTemplate.class);
            assertThat(app.getBean(SomethingElse.class).jdbc()).isNotInstanceOf(BatchingJdbcTemplate.class);
            assertThat(app.getBean(JdbcTemplate.class)).isSameAs(app.getBean(SomethingElse.class).jdbc());
        });
    }

    @Test
    void batchInsertsOffGivesProjectionsAPlainTemplate() {
        context.withPropertyValues("registry.projections.batch-inserts=false").run(app -> {
            assertThat(app.getBean(SomeProjection.class).jdbc()).isNotInstanceOf(BatchingJdbcTemplate.class);
            assertThat(app.getBean(SomeProjection.class).jdbc())
                    .isNotSameAs(app.getBean(SomethingElse.class).jdbc());
        });
    }
}
