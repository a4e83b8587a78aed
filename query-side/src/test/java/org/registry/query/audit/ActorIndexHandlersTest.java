package org.registry.query.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.query.ProjectionDatabase;
import org.registry.query.UnreadPayloads;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The actor index, fed as its processor feeds it: from each event's type and metadata, never its payload. */
class ActorIndexHandlersTest {

    private ProjectionDatabase database;
    private ActorIndex index;

    @BeforeEach
    void setUp() {
        database = ProjectionDatabase.create();
        index = new ActorIndex(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void anEventIsIndexedByItsActorAndTypeWithoutItsPayloadBeingRead() throws Exception {
        UnreadPayloads.handle(index, UnreadPayloads.event(42, Map.of(AuditMetaData.ACTOR, "clerk1")));

        assertThat(database.jdbc().query("SELECT position, actor, record_id, type FROM audit_actor_event",
                (row, number) -> row.getLong(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                        + row.getString(4)))
                .containsExactly("42 clerk1 record-1 Unrelated");
    }

    @Test
    void anEventWithoutAnActorIsNotIndexed() throws Exception {
        UnreadPayloads.handle(index, UnreadPayloads.event(43, Map.of()));

        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM audit_actor_event", Long.class)).isZero();
    }
}
