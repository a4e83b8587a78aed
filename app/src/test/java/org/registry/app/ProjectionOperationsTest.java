package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.TestDatabase;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.registry.app.HouseholdApiTest.assertProblem;

/** Projection operations of api.md: the list, a replay beside the live projection, rebuild equals live. */
class ProjectionOperationsTest extends RegisterScenario {

    /** A county of its own, so the counts read in it are this test's. */
    private static String county() {
        return Register.countyOfItsOwn(41);
    }

    /** Households in the county, each with one person; answers the persons' ids. */
    private List<String> populate(String county, int households) {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            String home = register.household(county + "001" + String.format("%03d", 1 + i % 3), i + " Replay Road",
                    "2015-01-01");
            persons.add(register.register(Register.person(home, "Replay " + i, i % 2 == 0 ? "MALE" : "FEMALE",
                    "1980-01-01", "HEAD", "2015-01-01")));
        }
        register.read("clerk", "/api/households?areaCode=" + county);
        register.read("clerk", "/api/persons/" + persons.get(0));
        return persons;
    }

    private JsonNode status(String name) {
        return api.as("analyst").get("/api/admin/projections/" + name).expect(200).json();
    }

    /** Follows a replay until it has ended; answers the progress values seen on the way. */
    private List<Integer> awaitReplay(String name) throws InterruptedException {
        List<Integer> progress = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode status = status(name);
            JsonNode rebuild = status.get("rebuild");
            progress.add(status.get("progress").asInt());
            if (!status.get("replaying").asBoolean() && rebuild != null && !rebuild.isNull()
                    && rebuild.get("kind").asText().equals("REPLAY")
                    && !List.of("BUILDING", "SWAPPING").contains(rebuild.get("state").asText())) {
                assertThat(rebuild.get("state").asText()).as("the replay ended: %s", rebuild).isEqualTo("DONE");
                progress.add(rebuild.get("progress").asInt());
                return progress;
            }
            assertThat(Instant.now()).as("the replay of %s ends within a minute", name).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void everyProjectionIsListedWithItsPositionTheHeadOfTheStoreAndItsLag() {
        register.household("330106001001", "1 Operations Road", "2015-01-01");

        JsonNode projections = api.as("admin").header("X-Min-Event-Position", Long.toString(register.last()))
                                  .get("/api/admin/projections").expect(200).json();

        assertThat(projections).extracting(projection -> projection.get("name").asText())
                               .contains("household-register", "person-index", "audit-actor-index",
                                       "migration-flows");
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        for (JsonNode projection : projections) {
            assertThat(projection.get("head").asLong()).isGreaterThanOrEqualTo(register.last());
            assertThat(projection.get("head").asLong()).isLessThanOrEqualTo(head);
            assertThat(projection.get("position").asLong()).isLessThanOrEqualTo(projection.get("head").asLong());
            assertThat(projection.get("lag").asLong())
                    .isEqualTo(projection.get("head").asLong() - projection.get("position").asLong());
            assertThat(projection.get("progress").asInt()).isBetween(0, 100);
            assertThat(projection.get("replaying").asBoolean()).isFalse();
        }
        assertThat(projections).filteredOn(projection -> projection.get("name").asText().equals("household-register"))
                               .singleElement()
                               .satisfies(projection -> assertThat(projection.get("replayable").asBoolean()).isTrue());
        assertProblem(api.as("clerk").get("/api/admin/projections").expect(403), "FORBIDDEN");
        assertProblem(api.as("analyst").get("/api/admin/projections/nothing-of-that-name").expect(404),
                "PROJECTION_NOT_FOUND");
        assertProblem(api.as("analyst").post("/api/admin/projections/nothing-of-that-name/replay", Map.of())
                         .expect(404), "PROJECTION_NOT_FOUND");
    }

    @Test
    void aReplayRebuildsBesideTheLiveProjectionWhichKeepsAnsweringWholeUntilTheSwap() throws Exception {
        String county = county();
        int households = 30;
        List<String> persons = populate(county, households);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (int reader = 0; reader < 4; reader++) {
            readers.submit(() -> {
                Api clerk = Api.at(port).as("clerk");
                while (reading.get()) {
                    Api.Response list = clerk.get("/api/households?areaCode=" + county + "&size=500");
                    JsonNode page = list.status() == 200 ? list.json() : null;
                    if (page == null || page.get("total").asInt() != households
                            || page.get("items").size() != households) {
                        wrong.add("households: " + list);
                    } else {
                        for (JsonNode household : page.get("items")) {
                            if (household.get("members").size() != 1) {
                                wrong.add("household without its member: " + household);
                            }
                        }
                    }
                    String person = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
                    Api.Response read = clerk.get("/api/persons/" + person);
                    if (read.status() != 200 || !read.field("name").startsWith("Replay ")) {
                        wrong.add("person: " + read);
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
        }
        try {
            Thread.sleep(100);
            for (String projection : List.of("household-register", "person-index")) {
                Api.Response started = api.as("analyst").post("/api/admin/projections/" + projection + "/replay",
                        Map.of()).expect(202);
                assertThat(started.header("Location")).contains("/api/admin/projections/" + projection);
                assertThat(started.field("kind")).isEqualTo("REPLAY");

                List<Integer> progress = awaitReplay(projection);

                assertThat(progress).isSorted();
                assertThat(progress.get(progress.size() - 1)).isEqualTo(100);
                JsonNode done = status(projection).get("rebuild");
                assertThat(done.get("position").asLong()).isGreaterThanOrEqualTo(done.get("target").asLong());
                assertThat(done.get("etaSeconds").asLong()).isZero();
            }
            Thread.sleep(100);
        } finally {
            reading.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(wrong).as("what readers saw during the replays").isEmpty();
        assertThat(reads.get()).isPositive();

        // The live projections go on from where the rebuilds got to.
        String later = register.household(county + "001001", "after the replay", "2016-01-01");
        assertThat(register.read("clerk", "/api/households/" + later).get("address").asText())
                .isEqualTo("after the replay");
        for (String projection : List.of("household-register", "person-index")) {
            JsonNode verified = api.as("admin").post("/api/admin/projections/" + projection + "/verify", Map.of())
                                   .expect(200).json();
            assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
            assertThat(verified.get("liveRows").asLong()).isEqualTo(verified.get("rebuiltRows").asLong())
                                                         .isPositive();
            assertThat(verified.get("liveChecksum").asText()).isEqualTo(verified.get("rebuiltChecksum").asText());
            assertThat(verified.get("differingTables")).isEmpty();
        }
    }

    /**
     * On PostgreSQL a replay moves its rebuilt tables in place of the live ones, with every index the live ones had;
     * while a reader holds a live table longer than the swap would wait, the rows are copied instead.
     */
    @Test
    void aReplayMovesItsTablesInWithEveryIndex_orCopiesItsRowsWhileAReaderHoldsALiveTable() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "tables are moved on PostgreSQL; elsewhere rows are copied");
        populate(county(), 3);
        List<Map<String, Object>> indexes = personIndexIndexes();
        assertThat(indexes).extracting(index -> index.get("indexname")).contains("person_index_name",
                "person_index_county", "person_check_up_pkey");
        long table = personIndexTable();

        api.as("admin").post("/api/admin/projections/person-index/replay", Map.of()).expect(202);
        awaitReplay("person-index");

        assertThat(status("person-index").at("/rebuild/state").asText()).isEqualTo("DONE");
        assertThat(personIndexTable()).as("the rebuilt table, moved in").isNotEqualTo(table);
        assertThat(personIndexIndexes()).isEqualTo(indexes);
        long moved = personIndexTable();

        try (Connection reader = jdbc.getDataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("LOCK TABLE person_index IN ACCESS SHARE MODE");
            }
            api.as("admin").post("/api/admin/projections/person-index/replay", Map.of()).expect(202);
            awaitReplay("person-index");
            assertThat(status("person-index").at("/rebuild/state").asText()).isEqualTo("DONE");
            reader.rollback();
        }
        assertThat(personIndexTable()).as("the live table, its rows replaced").isEqualTo(moved);
        assertThat(personIndexIndexes()).isEqualTo(indexes);
        assertThat(api.as("analyst").post("/api/admin/projections/person-index/verify", Map.of()).expect(200)
                      .json().get("identical").asBoolean()).isTrue();
    }

    /** The indexes of the person index's tables, by name and definition. */
    private List<Map<String, Object>> personIndexIndexes() {
        return jdbc.queryForList("""
                SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '') AS definition
                FROM pg_indexes WHERE schemaname = current_schema()
                    AND tablename IN ('person_index', 'person_index_household', 'person_check_up', 'person_claim')
                ORDER BY indexname""");
    }

    private long personIndexTable() {
        return jdbc.queryForObject("SELECT CAST(CAST('person_index' AS regclass) AS oid)", Long.class);
    }

    @Test
    void verificationFindsWhereTheLiveProjectionDiffersFromItsRebuild() throws InterruptedException {
        String county = county();
        List<String> persons = populate(county, 3);
        String household = register.read("clerk", "/api/persons/" + persons.get(0)).get("householdId").asText();

        JsonNode before = api.as("analyst").post("/api/admin/projections/household-register/verify", Map.of())
                             .expect(200).json();
        assertThat(before.get("identical").asBoolean()).as("%s", before).isTrue();
        assertThat(before.get("tables")).extracting(table -> table.get("table").asText())
                                        .containsExactly("household_register", "household_member",
                                                "household_register_person");

        jdbc.update("UPDATE household_register SET address = 'tampered' WHERE household_id = ?",
                UUID.fromString(household));
        jdbc.update("DELETE FROM household_member WHERE household_id = ?", UUID.fromString(household));
        JsonNode broken = api.as("analyst").post("/api/admin/projections/household-register/verify", Map.of())
                             .expect(200).json();

        assertThat(broken.get("identical").asBoolean()).isFalse();
        assertThat(broken.get("differingTables")).extracting(JsonNode::asText)
                                                 .containsExactly("household_register", "household_member");
        assertThat(broken.get("liveChecksum").asText()).isNotEqualTo(broken.get("rebuiltChecksum").asText());
        assertThat(broken.get("rebuiltRows").asLong()).isEqualTo(broken.get("liveRows").asLong() + 1);
        JsonNode register = broken.get("tables").get(0);
        assertThat(register.get("liveRows").asLong()).isEqualTo(register.get("rebuiltRows").asLong());
        assertThat(register.get("identical").asBoolean()).isFalse();

        // A replay repairs it.
        api.as("admin").post("/api/admin/projections/household-register/replay", Map.of()).expect(202);
        awaitReplay("household-register");
        assertThat(api.as("clerk").get("/api/households/" + household).expect(200).json().get("address").asText())
                .isNotEqualTo("tampered");
        assertThat(api.as("analyst").post("/api/admin/projections/household-register/verify", Map.of()).expect(200)
                      .json().get("identical").asBoolean()).isTrue();
    }
}
