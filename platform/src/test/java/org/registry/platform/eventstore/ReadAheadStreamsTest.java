package org.registry.platform.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams read ahead serve the loads of their transaction, until it appends to them; another writer is not missed. */
class ReadAheadStreamsTest {

    private final Serializer serializer = EventStoreConfiguration.storageSerializer();
    private TestDatabase.Schema schema;
    private DatabaseStorageEngine engine;
    private StoredEvents stored;
    private TransactionTemplate transaction;
    private final String person = UUID.randomUUID().toString();
    private final String other = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        schema = TestDatabase.newSchema();
        DataSource dataSource = schema.withEventStore();
        engine = new DatabaseStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreConfiguration.eventSchema())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(String.class)
                // streams longer than a batch, as in the store's own engine (batches of 100)
                .batchSize(2)
                .finalAggregateBatchPredicate(batch -> batch.size() < 2)
                .persistenceExceptionResolver(new SQLStateResolver("23505")));
        stored = new StoredEvents(new JdbcTemplate(dataSource), serializer, EventUpcasterChain::new);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        append(person, 0, "registered");
        append(person, 1, "married");
        append(person, 2, "moved");
        append(other, 0, "registered");
    }

    @AfterEach
    void tearDown() {
        schema.drop();
    }

    private void append(String aggregate, long sequence, String payload) {
        engine.appendEvents(new GenericDomainEventMessage<>("Person", aggregate, sequence, payload));
    }

    private List<Object> payloads(String aggregate) {
        return engine.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                     .toList();
    }

    @Test
    void loadsAfterAReadAheadTakeItsStreamsAndAnAppendedStreamIsReadAgain() {
        String unknown = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            stored.readAhead(List.of(person, other, unknown));
            // another writer now appends to two of those records and commits (outside this transaction)
            new TransactionTemplate(transaction.getTransactionManager(), new DefaultTransactionDefinition(
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW)).executeWithoutResult(elsewhere -> {
                append(other, 1, "moved");
                append(unknown, 0, "registered");
            });

            // the loads get what was read ahead, without a query: the other writer's events are not in it ...
            assertThat(payloads(person)).containsExactly("registered", "married", "moved");
            assertThat(payloads(other)).containsExactly("registered");
            assertThat(payloads(unknown)).isEmpty();
            // ... the last sequence number is asked of the database ...
            assertThat(engine.lastSequenceNumberFor(other)).contains(1L);
            // ... and an append on such a stream meets the other writer's event: refused, never lost
            assertThatThrownBy(() -> append(other, 1, "died")).isInstanceOf(ConcurrencyException.class);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            stored.readAhead(List.of(person));

            append(person, 3, "died");

            assertThat(payloads(person)).containsExactly("registered", "married", "moved", "died");
        });
        // outside a transaction nothing is kept, and every load reads the store
        stored.readAhead(List.of(other));
        assertThat(payloads(other)).containsExactly("registered", "moved");
    }

    @Test
    void recordsReadOnceServeBothTheirReaderAndTheLoads() {
        transaction.executeWithoutResult(status -> {
            Map<String, List<StoredEvents.StoredEvent>> records = stored.ofRecordsReadAhead(List.of(person, other));

            assertThat(records.get(person)).extracting(StoredEvents.StoredEvent::payload)
                                           .containsExactly("registered", "married", "moved");
            assertThat(records.get(person)).extracting(StoredEvents.StoredEvent::sequence).containsExactly(0L, 1L, 2L);
            assertThat(records.get(other)).extracting(StoredEvents.StoredEvent::payload).containsExactly("registered");
            // another writer appends; the loads are served from the read, so they do not see it
            new TransactionTemplate(transaction.getTransactionManager(), new DefaultTransactionDefinition(
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW)).executeWithoutResult(elsewhere ->
                    append(other, 1, "moved"));
            assertThat(payloads(other)).containsExactly("registered");
            status.setRollbackOnly();
        });
        // outside a transaction it reads, and keeps nothing
        assertThat(stored.ofRecordsReadAhead(List.of(other)).get(other)).hasSize(2);
        assertThat(payloads(other)).containsExactly("registered", "moved");
    }
}
