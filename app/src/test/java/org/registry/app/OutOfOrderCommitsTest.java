package org.registry.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.registry.platform.test.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Commits landing out of order, through the real command path on PostgreSQL: several clerks record families at
 * once (households, residents, births with twins, transfers, moves out and back, relocations, floating residents,
 * deaths, corrections), while a test interceptor holds each command's transaction open for a random moment after
 * its events were inserted and rolls some back. Later global positions then commit before earlier ones, and the
 * processors fill those gaps late. Health stays UP meanwhile, and every projection must still reach the head
 * without a failed batch, give each event its own position, and equal its rebuild. (With the position taken from the processor's token, the actor
 * index and the residence history retry a batch forever on a duplicate key, and never reach the head.)
 */
@RegistryTest
@DirtiesContext
@Import(OutOfOrderCommitsTest.Disorder.class)
class OutOfOrderCommitsTest {

    private static final Logger log = LoggerFactory.getLogger(OutOfOrderCommitsTest.class);
    private static final int CLERKS = 8;
    private static final int FAMILIES = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommitDisorder disorder;

    private final ListAppender<ILoggingEvent> processorLog = new ListAppender<>();

    @BeforeAll
    static void onPostgres() {
        assumeTrue(TestDatabase.isPostgres(), "commits out of order are tested on PostgreSQL");
    }

    @BeforeEach
    void listenToTheProcessors() {
        processorLog.start();
        eventHandlingLogger().addAppender(processorLog);
    }

    @AfterEach
    void stopListening() {
        eventHandlingLogger().detachAppender(processorLog);
    }

    @Test
    void everyProjectionReachesTheHeadAndEqualsItsRebuildWhenCommitsLandOutOfOrder() throws Exception {
        String county = Registry.freshCounty();
        long seed = System.nanoTime();
        log.info("{} clerks x {} families, seed {}", CLERKS, FAMILIES, seed);
        Outcomes outcomes = new Outcomes();
        disorder.enabled.set(true);
        ExecutorService clerks = Executors.newFixedThreadPool(CLERKS + 1);
        AtomicBoolean working = new AtomicBoolean(true);
        List<String> unhealthy = new CopyOnWriteArrayList<>();
        clerks.submit(() -> {
            Api anonymous = Api.at(port);
            while (working.get()) {
                Api.Response health = anonymous.get("/actuator/health");
                if (health.status() != 200) {
                    unhealthy.add(health.toString());
                }
                Thread.sleep(200);
            }
            return null;
        });
        Instant began = Instant.now();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLERKS; c++) {
                Clerk clerk = new Clerk(Api.at(port).as("clerk"), county, c, outcomes);
                running.add(clerks.submit(() -> {
                    for (int family = 0; family < FAMILIES; family++) {
                        clerk.family(family);
                    }
                    return null;
                }));
            }
            for (Future<?> clerk : running) {
                clerk.get(90, TimeUnit.SECONDS);
            }
        } finally {
            working.set(false);
            disorder.enabled.set(false);
            clerks.shutdownNow();
        }
        log.info("{} commands in {} ms: {} stored, {} rolled back", outcomes.stored.get() + outcomes.rolledBack.get(),
                Duration.between(began, Instant.now()).toMillis(), outcomes.stored.get(), outcomes.rolledBack.get());

        assertThat(outcomes.unexpected).as("answers other than a success or a simulated rollback").isEmpty();
        assertThat(outcomes.rolledBack.get()).as("commands answered 500 after their simulated rollback")
                                             .isEqualTo(disorder.rolledBack.get()).isPositive();
        int late = disorder.committedAfterALaterPosition(jdbc);
        log.info("{} of {} transactions committed after one holding a later global position", late,
                disorder.commits.size());
        assertThat(late).as("transactions whose events committed after later positions").isPositive();

        assertThat(unhealthy).as("health while the clerks worked").isEmpty();

        Api admin = Api.at(port).as("admin");
        List<String> projections = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode statuses = admin.get("/api/admin/projections").expect(200).json();
            projections.clear();
            List<String> behind = new ArrayList<>();
            for (JsonNode status : statuses) {
                projections.add(status.get("name").asText());
                if (status.get("lag").asLong() > 0) {
                    behind.add(status.toString());
                }
            }
            if (behind.isEmpty()) {
                assertThat(statuses).allSatisfy(status -> {
                    assertThat(status.get("state").asText()).as("%s", status).isEqualTo("RUNNING");
                    assertThat(status.get("lastError").isNull()).as("a failed batch of %s", status).isTrue();
                });
                break;
            }
            assertThat(Instant.now()).as("every projection reaches the head within 30 s; behind: %s", behind)
                                     .isBefore(deadline);
            Thread.sleep(100);
        }

        // Each person's registration position is their registration event's own.
        for (String table : List.of("person_index", "residence_person")) {
            List<String> wrong = jdbc.queryForList("SELECT CAST(p.person_id AS VARCHAR) || ': ' || p.registered_position"
                    + " || ' instead of ' || e.global_index FROM " + table + " p JOIN domain_event_entry e"
                    + " ON e.aggregate_identifier = CAST(p.person_id AS VARCHAR) AND e.sequence_number = 0"
                    + " WHERE p.registered_position <> e.global_index", String.class);
            assertThat(wrong).as("registered_position in %s other than the registration's own position", table)
                             .isEmpty();
        }
        Long indexed = jdbc.queryForObject("SELECT COUNT(*) FROM audit_actor_event a JOIN domain_event_entry e"
                + " ON e.global_index = a.position AND e.aggregate_identifier = a.record_id", Long.class);
        Long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(indexed).as("events in the actor index at their own position").isEqualTo(recorded);

        assertThat(processorLog.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                                     .extracting(ILoggingEvent::getFormattedMessage)
                                     .as("warnings of the event processors (a failed batch is one)").isEmpty();

        for (String projection : projections) {
            JsonNode verified = admin.post("/api/admin/projections/" + projection + "/verify", Map.of()).expect(200)
                                     .json();
            assertThat(verified.get("identical").asBoolean()).as("%s equals its rebuild: %s", projection, verified)
                                                            .isTrue();
        }
    }

    /** Where Axon's processors say that a batch failed ("Error while processing batch ..."). */
    private static ch.qos.logback.classic.Logger eventHandlingLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.axonframework.eventhandling");
    }

    /** What the clerks' commands got. */
    static final class Outcomes {
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
    }

    /** One clerk recording families in communities of its own, going on without what was rolled back. */
    private static final class Clerk {

        private final Api api;
        private final String home;
        private final String elsewhere;
        private final String relocatedTo;
        private final int number;
        private final Outcomes outcomes;

        Clerk(Api api, String county, int number, Outcomes outcomes) {
            this.api = api;
            this.home = county + "001" + String.format("%03d", number + 1);
            this.elsewhere = county + "002" + String.format("%03d", number + 1);
            this.relocatedTo = county + "001" + String.format("%03d", number + 21);
            this.number = number;
            this.outcomes = outcomes;
        }

        void family(int family) {
            Optional<String> household = post("/api/households", Map.of("communityCode", home,
                    "address", family + " Disorder Road", "kind", "REGISTERED", "date", "2015-01-01"), "householdId");
            if (household.isEmpty()) {
                return;
            }
            LocalDate motherBorn = LocalDate.of(1990, 1 + number, 1 + family);
            Optional<String> mother = resident(household.get(), "Mother " + number + "-" + family, "FEMALE",
                    motherBorn, "HEAD");
            Optional<String> father = resident(household.get(), "Father " + number + "-" + family, "MALE",
                    motherBorn.minusYears(2), mother.isPresent() ? "SPOUSE" : "HEAD");
            Optional<String> second = post("/api/households", Map.of("communityCode", elsewhere,
                    "address", family + " Other Road", "kind", "REGISTERED", "date", "2015-01-01"), "householdId");
            if (mother.isPresent()) {
                Optional<String> first = birth(mother.get(), father, household.get(), "First", "2016-05-01");
                birth(mother.get(), father, household.get(), "Twin A", "2019-03-03");
                birth(mother.get(), father, household.get(), "Twin B", "2019-03-03");
                if (first.isPresent() && second.isPresent()) {
                    post("/api/persons/" + first.get() + "/moves", Map.of("direction", "TRANSFER",
                            "date", "2020-01-01", "toHouseholdId", second.get(), "relationToHead", "OTHER"), null);
                }
            }
            father.ifPresent(person -> {
                if (post("/api/persons/" + person + "/moves", Map.of("direction", "OUT", "date", "2021-02-01",
                        "place", "Hangzhou", "reason", "WORK"), null).isPresent()) {
                    post("/api/persons/" + person + "/moves", Map.of("direction", "IN", "date", "2022-03-01",
                            "place", "Hangzhou", "reason", "FAMILY"), null);
                }
                post("/api/persons/" + person + "/corrections", Map.of("field", "name",
                        "value", "Corrected " + number + "-" + family, "reason", "misspelt"), null);
            });
            post("/api/households/" + household.get() + "/relocation", Map.of("communityCode", relocatedTo,
                    "address", family + " New Road", "date", "2022-06-01"), null);
            second.ifPresent(other -> {
                Map<String, Object> body = person(other, "Lodger " + number + "-" + family, "MALE",
                        LocalDate.of(1985, 1 + number, 1 + family), "OTHER");
                body.put("residency", "FLOATING_IN");
                body.put("origin", "Anhui");
                body.put("moveReason", "WORK");
                body.put("certificateNumber", "LD-" + number + "-" + family);
                body.put("certificateExpiry", "2027-01-01");
                post("/api/persons", body, "personId").ifPresent(lodger -> {
                    if (family % 2 == 0) {
                        post("/api/persons/" + lodger + "/death", Map.of("date", "2023-01-01"), null);
                    }
                });
            });
        }

        private Optional<String> resident(String household, String name, String sex, LocalDate born,
                                          String relation) {
            Map<String, Object> body = person(household, name, sex, born, relation);
            body.put("residency", "PERMANENT");
            body.put("maritalStatus", "MARRIED");
            return post("/api/persons", body, "personId");
        }

        private static Map<String, Object> person(String household, String name, String sex, LocalDate born,
                                                  String relation) {
            Map<String, Object> body = new HashMap<>();
            body.put("nationalId", Registry.nationalId(born, sex));
            body.put("name", name);
            body.put("sex", sex);
            body.put("birthDate", born.toString());
            body.put("householdId", household);
            body.put("relationToHead", relation);
            body.put("residentSince", "2015-01-01");
            return body;
        }

        private Optional<String> birth(String mother, Optional<String> father, String household, String name,
                                       String date) {
            Map<String, Object> body = new HashMap<>(Map.of("motherId", mother, "name", name + " " + number,
                    "sex", name.endsWith("B") ? "MALE" : "FEMALE", "birthDate", date, "householdId", household));
            father.ifPresent(id -> body.put("fatherId", id));
            return post("/api/births", body, "personId");
        }

        /** The field of a success; empty when the command was rolled back (or failed otherwise, noted). */
        private Optional<String> post(String path, Map<String, Object> body, String field) {
            Api.Response answer = api.post(path, body);
            if (answer.status() == 200 || answer.status() == 201) {
                outcomes.stored.incrementAndGet();
                return Optional.of(field == null ? "" : answer.field(field));
            }
            if (answer.status() == 500) {
                outcomes.rolledBack.incrementAndGet();
            } else {
                outcomes.unexpected.add(path + " -> " + answer);
            }
            return Optional.empty();
        }
    }

    /**
     * Holds each command's transaction open for 0 to 30 ms after its events were inserted (their global positions
     * taken), then commits it, or, one time in seven, rolls it back; and notes, in the order of the commits, which
     * events each one stored.
     */
    static final class CommitDisorder implements MessageHandlerInterceptor<CommandMessage<?>> {

        final AtomicBoolean enabled = new AtomicBoolean();
        final AtomicInteger rolledBack = new AtomicInteger();
        final ConcurrentLinkedQueue<List<String>> commits = new ConcurrentLinkedQueue<>();
        private final Random random = new Random();

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (enabled.get() && TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.getResource(this) == null) {
                Transaction transaction;
                synchronized (random) {
                    transaction = new Transaction(random.nextInt(31), random.nextInt(7) == 0);
                }
                TransactionSynchronizationManager.bindResource(this, transaction);
                TransactionSynchronizationManager.registerSynchronization(transaction);
            }
            return chain.proceed();
        }

        /** On the event bus: the events each transaction stores. */
        MessageDispatchInterceptor<EventMessage<?>> eventRecorder() {
            return new MessageDispatchInterceptor<>() {
                @Override
                public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                        List<? extends EventMessage<?>> messages) {
                    return (index, event) -> {
                        if (TransactionSynchronizationManager.getResource(CommitDisorder.this)
                                instanceof Transaction transaction) {
                            transaction.events.add(event.getIdentifier());
                        }
                        return event;
                    };
                }
            };
        }

        /** How many committed transactions stored a position below one that an earlier commit had stored. */
        int committedAfterALaterPosition(JdbcTemplate jdbc) {
            Map<String, Long> positions = new HashMap<>();
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry",
                    row -> {
                        positions.put(row.getString(1), row.getLong(2));
                    });
            int late = 0;
            long highest = 0;
            for (List<String> commit : commits) {
                long lowest = commit.stream().mapToLong(positions::get).min().orElse(Long.MAX_VALUE);
                if (lowest < highest) {
                    late++;
                }
                highest = Math.max(highest, commit.stream().mapToLong(positions::get).max().orElse(0));
            }
            return late;
        }

        private final class Transaction implements TransactionSynchronization {

            final List<String> events = new CopyOnWriteArrayList<>();
            private final int holdMillis;
            private final boolean rollBack;

            Transaction(int holdMillis, boolean rollBack) {
                this.holdMillis = holdMillis;
                this.rollBack = rollBack;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                try {
                    Thread.sleep(holdMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (rollBack && !events.isEmpty()) {
                    rolledBack.incrementAndGet();
                    throw new IllegalStateException("simulated failure at commit: the transaction rolls back");
                }
            }

            @Override
            public void afterCommit() {
                if (!events.isEmpty()) {
                    commits.add(List.copyOf(events));
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitDisorder.this);
            }
        }
    }

    /** The interceptor on the command bus (Axon registers handler interceptor beans) and on the event bus. */
    static class Disorder {

        @Bean
        CommitDisorder commitDisorder(EventBus eventBus) {
            CommitDisorder disorder = new CommitDisorder();
            eventBus.registerDispatchInterceptor(disorder.eventRecorder());
            return disorder;
        }
    }
}
