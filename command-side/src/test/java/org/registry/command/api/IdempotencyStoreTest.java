package org.registry.command.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.migration.SchemaMigration;
import org.registry.platform.migration.SchemaMigrator;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyStoreTest {

    private TestDatabase.Schema schema;
    private JdbcTemplate jdbc;
    private final Instant now = Instant.parse("2026-06-15T08:00:00Z");

    @BeforeEach
    void migrate() {
        schema = TestDatabase.newSchema();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(schema.url(), schema.user(), schema.password());
        new SchemaMigrator(dataSource, List.of(new SchemaMigration("command", "classpath:db/command", 0)))
                .afterPropertiesSet();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void drop() {
        schema.drop();
    }

    private IdempotencyStore storeAt(Instant instant) {
        return new IdempotencyStore(jdbc, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aKeyIsClaimedOnceAndKeepsItsAnswer() {
        IdempotencyStore store = storeAt(now);
        assertThat(store.claim("clerk", "k-1", "hash")).isTrue();
        assertThat(store.claim("clerk", "k-1", "hash")).isFalse();
        assertThat(store.claim("clerk2", "k-1", "hash")).isTrue();
        store.answer("clerk", "k-1", new IdempotencyStore.StoredAnswer("hash", 201, "/api/x", 3L, 42, "{}"));
        assertThat(store.find("clerk", "k-1")).hasValueSatisfying(answer -> {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.eventPosition()).isEqualTo(42);
        });
    }

    @Test
    void keysOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        storeAt(now.minus(Duration.ofDays(40))).claim("clerk", "old", "hash");
        storeAt(now.minus(Duration.ofDays(2))).claim("clerk", "recent", "hash");

        int forgotten = storeAt(now).forgetRecordedBefore(now.minus(Duration.ofDays(30)));

        assertThat(forgotten).isEqualTo(1);
        assertThat(storeAt(now).find("clerk", "old")).isEmpty();
        assertThat(storeAt(now).find("clerk", "recent")).isPresent();
    }
}
