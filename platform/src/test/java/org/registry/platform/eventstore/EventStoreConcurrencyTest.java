package org.registry.platform.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registry.platform.Platform;
import org.registry.platform.processing.EventPosition;
import org.registry.platform.test.TestDatabase;
import org.registry.platform.test.TestSchemaInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Axon does not run its storage engine tests on PostgreSQL, so this is ours: several writers append events
 * concurrently on the production configuration ({@link EventStoreConfiguration}: JDBC engine, identity global
 * index, embedded store with its fetch delay, pooled streaming processor), a third of their transactions roll back
 * after their rows were inserted, and a tailing processor must see exactly the committed events: none missed
 * (an event whose transaction commits after a later one is a "gap" the token must come back for), none twice,
 * none rolled back, and each handed its own global position ({@link EventPosition}).
 *
 * <p>The configuration and the handler carry no {@code @Component}/{@code @Configuration} stereotype on purpose:
 * {@link Platform} component-scans {@code org.registry.platform}, and this module's test classes are shipped in its
 * test-jar to the other modules, whose contexts would otherwise pick them up.
 */
@SpringBootTest(classes = EventStoreConcurrencyTest.ProbeApplication.class)
@ContextConfiguration(initializers = TestSchemaInitializer.class)
class EventStoreConcurrencyTest {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConcurrencyTest.class);

    static final String PROCESSING_GROUP = "concurrency-probe";
    static final String AGGREGATE_TYPE = "ConcurrencyProbe";
    static final int WRITERS = 6;
    static final int ITERATIONS = 100;
    static final double ROLLBACK_RATE = 0.3;

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    PlatformTransactionManager springTransactionManager;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Probe probe;

    @BeforeAll
    static void onPostgres() {
        assumeTrue(TestDatabase.isPostgres(), "the concurrency of the event store is tested on PostgreSQL only");
    }

    @Test
    void aTailingProcessorSeesExactlyTheCommittedEventsOfConcurrentWriters() throws Exception {
        StreamingEventProcessor processor =
                processing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
        // Tailing, not replaying: the processor has claimed its segment before the first event is written.
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.isRunning()
                && !processor.processingStatus().isEmpty());

        long seed = System.nanoTime();
        log.info("Writers: {} x {} transactions, rollback rate {}, seed {}", WRITERS, ITERATIONS, ROLLBACK_RATE, seed);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        TransactionTemplate transactions = new TransactionTemplate(springTransactionManager);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        long began = System.nanoTime();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(executor.submit(() -> {
                    start.await();
                    write(writer, new Random(seed + writer), transactions, committed, rolledBack);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS); // a writer's unexpected failure fails the test here
            }
        } finally {
            executor.shutdownNow();
        }
        int seenWhileWriting = probe.handled.size();
        log.info("Writers done in {} ms: {} events committed, {} rolled back; the processor had seen {} meanwhile",
                 TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), committed.size(), rolledBack.size(),
                 seenWhileWriting);

        assertThat(committed).as("committed events").isNotEmpty();
        assertThat(rolledBack).as("rolled-back events").isNotEmpty();

        // The table proves the test exercised gap handling: rolled-back inserts leave holes in the global index.
        Map<String, Object> table = jdbc.queryForMap(
                "SELECT count(*) AS events, min(global_index) AS lowest, max(global_index) AS highest "
                        + "FROM domain_event_entry");
        long events = ((Number) table.get("events")).longValue();
        long highest = ((Number) table.get("highest")).longValue();
        long holes = highest - ((Number) table.get("lowest")).longValue() + 1 - events;
        assertThat(events).as("rows in domain_event_entry").isEqualTo(committed.size());
        assertThat(holes).as("global_index values skipped by rolled-back transactions").isPositive();

        // The processor catches up with the last committed event, and has then handled exactly the committed ones.
        // On a timeout the assertions below say what is missing.
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                   .until(() -> probe.handled.keySet().containsAll(committed) && position(processor) >= highest);
        } catch (ConditionTimeoutException e) {
            log.error("The processor did not catch up within 30 s: {}", processor.processingStatus());
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        // Then nothing more arrives: no second delivery, no rolled-back event.
        try {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                   .until(() -> probe.deliveries() == committed.size());
        } catch (ConditionTimeoutException e) {
            log.error("{} deliveries of {} committed events", probe.deliveries(), committed.size());
        }

        Set<String> missed = difference(committed, probe.handled.keySet());
        Set<String> phantoms = intersection(probe.handled.keySet(), rolledBack);
        Set<String> unknown = difference(difference(probe.handled.keySet(), committed), rolledBack);
        Map<String, Integer> duplicates = probe.handled.entrySet().stream()
                                                       .filter(e -> e.getValue().get() > 1)
                                                       .collect(Collectors.toMap(Map.Entry::getKey,
                                                                                 e -> e.getValue().get()));
        int outOfOrder = deliveredAfterAHigherPosition(probe.order);
        log.info("After {} ms: {} events handled, {} holes in the global index, at most {} gaps in a token, {} events "
                 + "delivered after one with a higher global index (gaps filled by a late commit)",
                 tookMs, probe.handled.size(), holes, probe.mostGaps.get(), outOfOrder);

        assertThat(missed).withFailMessage(() -> missed.size() + " of " + committed.size()
                + " committed events were never handled, e.g. " + sample(missed) + "; processor status "
                + processor.processingStatus()).isEmpty();
        assertThat(duplicates).withFailMessage(() -> duplicates.size() + " events were handled more than once, e.g. "
                + sample(duplicates.keySet())).isEmpty();
        assertThat(phantoms).withFailMessage(() -> phantoms.size() + " rolled-back events were handled, e.g. "
                + sample(phantoms)).isEmpty();
        assertThat(unknown).withFailMessage(() -> unknown.size() + " handled events were written by no writer, e.g. "
                + sample(unknown)).isEmpty();
        assertThat(probe.handled.keySet()).as("handled events").hasSameSizeAs(committed);
        // The gap handling was exercised: the processor's tokens carried gaps, and it came back for some of them
        // (an event delivered after one with a higher global index was read after its transaction committed late).
        assertThat(probe.mostGaps.get()).as("most gaps in one of the processor's tokens").isPositive();
        assertThat(outOfOrder).as("events delivered after one with a higher global index").isPositive();

        // Every handler was given the event's own global position; the token it was handed is not that for an event
        // that filled a gap (it carries the highest index seen), which is why handlers must not take it from there.
        Map<String, Long> stored = storedPositions();
        Map<String, String> wrongPositions = new HashMap<>();
        int tokensElsewhere = 0;
        for (String identifier : probe.ownPositions.keySet()) {
            long own = probe.ownPositions.get(identifier);
            if (own != stored.get(identifier)) {
                wrongPositions.put(identifier, own + " instead of " + stored.get(identifier));
            }
            if (probe.tokenPositions.get(identifier).longValue() != stored.get(identifier)) {
                tokensElsewhere++;
            }
        }
        log.info("{} of {} events were handed a token whose position is not the event's own", tokensElsewhere,
                 stored.size());
        assertThat(wrongPositions).as("events given another position than their own").isEmpty();
        assertThat(tokensElsewhere).as("events handed a token at another position than their own").isPositive();
    }

    /**
     * One writer: {@link #ITERATIONS} transactions of 1 to 3 events of a fresh aggregate, each rolled back with
     * probability {@link #ROLLBACK_RATE} after the events were inserted. Half of the transactions are those of a
     * command handler (a unit of work owning its transaction, failing in prepare-commit), half a unit of work
     * inside a Spring transaction that fails after the unit of work has committed (another participant of the same
     * transaction failing). Halfway, the writer waits until the processor has handled an event.
     */
    private void write(int writer, Random random, TransactionTemplate transactions,
                       Set<String> committed, Set<String> rolledBack) {
        for (int i = 0; i < ITERATIONS; i++) {
            if (i == ITERATIONS / 2) {
                // Tailing for certain: the second half is written while the processor is handling events.
                await().atMost(Duration.ofSeconds(30)).until(() -> probe.deliveries() > 0);
            }
            String aggregateId = UUID.randomUUID().toString();
            int count = 1 + random.nextInt(3);
            List<GenericDomainEventMessage<ProbeEvent>> messages = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int sequence = 0; sequence < count; sequence++) {
                String id = writer + "-" + i + "-" + sequence + "-" + UUID.randomUUID();
                ids.add(id);
                messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence,
                                                             new ProbeEvent(id, writer, i, sequence)));
            }
            boolean rollBack = random.nextDouble() < ROLLBACK_RATE;
            long holdMillis = 1 + random.nextInt(10);
            try {
                if (random.nextBoolean()) {
                    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                    unitOfWork.attachTransaction(axonTransactionManager);
                    eventStore.publish(messages);
                    // Runs after the event store's own prepare-commit handler, i.e. after the INSERTs.
                    unitOfWork.onPrepareCommit(u -> holdThenMaybeFail(holdMillis, rollBack));
                    unitOfWork.commit();
                } else {
                    transactions.executeWithoutResult(status -> {
                        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                        unitOfWork.attachTransaction(axonTransactionManager); // joins the Spring transaction
                        unitOfWork.execute(() -> eventStore.publish(messages));
                        holdThenMaybeFail(holdMillis, rollBack);
                    });
                }
                committed.addAll(ids);
            } catch (SimulatedFailure e) {
                rolledBack.addAll(ids);
            }
        }
    }

    /** Keeps the transaction open with its rows inserted (widening the race window), then maybe fails. */
    private static void holdThenMaybeFail(long millis, boolean fail) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (fail) {
            throw new SimulatedFailure();
        }
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(position -> position.orElse(-1))
                        .min().orElse(-1);
    }

    private Map<String, Long> storedPositions() {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry",
                   row -> {
                       positions.put(row.getString(1), row.getLong(2));
                   });
        return positions;
    }

    /** How many events were handled after an event with a higher global index: gaps the token came back for. */
    private int deliveredAfterAHigherPosition(Iterable<String> eventIdentifiers) {
        Map<String, Long> positions = storedPositions();
        int late = 0;
        long highest = Long.MIN_VALUE;
        for (String identifier : eventIdentifiers) {
            long position = positions.getOrDefault(identifier, Long.MIN_VALUE);
            if (position < highest) {
                late++;
            }
            highest = Math.max(highest, position);
        }
        return late;
    }

    private static Set<String> difference(Set<String> of, Set<String> without) {
        Set<String> result = new HashSet<>(of);
        result.removeAll(without);
        return result;
    }

    private static Set<String> intersection(Set<String> one, Set<String> other) {
        Set<String> result = new HashSet<>(one);
        result.retainAll(other);
        return result;
    }

    private static List<String> sample(Set<String> ids) {
        return ids.stream().sorted().limit(5).toList();
    }

    static class SimulatedFailure extends RuntimeException {
        SimulatedFailure() {
            super("simulated failure: the transaction rolls back", null, false, false);
        }
    }

    /** The payload the writers append; its id is unique across the whole test. */
    public record ProbeEvent(String id, int writer, int iteration, int sequence) {
    }

    /**
     * The tailing processor's handler. An event counts as handled when the processor's transaction commits (with
     * the token that moved past it), as a projection's row would; a batch retried after a rollback does not count
     * twice, a second delivery after a commit does.
     */
    @ProcessingGroup(PROCESSING_GROUP)
    static class Probe {

        final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        /** Event identifiers in the order the handler was invoked (for the log: how often a gap was filled late). */
        final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        final AtomicInteger mostGaps = new AtomicInteger();
        /** By event identifier: the position the handler was given ({@link EventPosition}), and its token's. */
        final Map<String, Long> ownPositions = new ConcurrentHashMap<>();
        final Map<String, Long> tokenPositions = new ConcurrentHashMap<>();

        int deliveries() {
            return handled.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @EventHandler
        void on(ProbeEvent event, EventMessage<?> message, TrackingToken token, @EventPosition long position) {
            WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                        .ifPresent(gapAware -> mostGaps.accumulateAndGet(gapAware.getGaps().size(), Math::max));
            order.add(message.getIdentifier());
            ownPositions.put(message.getIdentifier(), position);
            tokenPositions.put(message.getIdentifier(), token.position().orElse(-1));
            Runnable record = () -> handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> record.run());
            } else {
                record.run();
            }
        }
    }

    /** The platform as every process runs it, plus the probe. */
    @EnableAutoConfiguration
    @Import(Platform.class)
    static class ProbeApplication {

        @Bean
        Probe concurrencyProbe() {
            return new Probe();
        }
    }
}
