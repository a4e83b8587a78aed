package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.Programme;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Garbage sent to every operation the service describes at {@code /v3/api-docs} ({@link Garbage}): each variant of
 * a valid request with one thing wrong must be refused with a 4xx {@code application/problem+json} naming its status
 * and code; never a 5xx, never accepted. The valid request itself is sent last and must answer the status the
 * description documents, which shows that the variants were refused for what was wrong with them, not for want of a
 * record (each operation has records of its own, made through the API where the API can make them, and by appending
 * events where a claim would otherwise wait days for its public notice to end).
 *
 * <p>Reproducible: the garbage is drawn with the seed {@code -Dregistry.fuzz.seed} (default {@value #DEFAULT_SEED}).
 * An operation without a valid request here fails the test: a new endpoint is fuzzed from its first day.
 */
@RegistryTest
class InputFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(InputFuzzTest.class);
    static final long DEFAULT_SEED = 20260309L;
    /** The garbage for one operation is sent by this many clients at once (its valid request after all of it). */
    private static final int CLIENTS = 4;
    private static final ZoneId OFFICES = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    private final LocalDate today = LocalDate.now(OFFICES);

    @Test
    void everyOperationRefusesGarbageWithAProblemAndTakesItsValidRequest() {
        long seed = Long.getLong("registry.fuzz.seed", DEFAULT_SEED);
        Instant start = Instant.now();
        Registry registry = new Registry(Api.at(port).as("admin"), events, jdbc);
        JsonNode api = Api.at(port).get("/v3/api-docs").expect(200).json();
        Map<String, Garbage.Valid> valid = validRequests(registry);
        Garbage garbage = new Garbage(api, new Random(seed));
        String position = Long.toString(registry.position());

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int sent = 0;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (Map.Entry<String, JsonNode> operation : operations(api).entrySet()) {
            String method = operation.getKey().substring(0, operation.getKey().indexOf(' '));
            String template = operation.getKey().substring(method.length() + 1);
            Garbage.Valid request = valid.get(operation.getKey());
            if (request == null) {
                failures.add(operation.getKey() + ": no valid request in InputFuzzTest; add one");
                continue;
            }
            List<Future<?>> refusals = new ArrayList<>();
            for (Garbage.Request variant : garbage.of(method, template, operation.getValue(), request)) {
                refusals.add(clients.submit(() ->
                        check(operation.getKey(), variant, send(request.user(), variant, position), failures)));
                sent++;
            }
            refusals.forEach(InputFuzzTest::join);
            Garbage.Request ok = garbage.valid(method, template, request);
            Api.Response answer = send(request.user(), ok, position);
            String documented = documentedSuccess(operation.getValue());
            if (!Integer.toString(answer.status()).equals(documented)) {
                failures.add(operation.getKey() + ", the valid request: documented " + documented + ", answered "
                        + answer.status() + " " + answer.text());
            }
            sent++;
            if (operation.getKey().endsWith("/replay")) {
                // two rebuilds at once contend for the schema's locks (on H2, until one times out): one at a time
                String name = request.pathParameters().get("name");
                await().atMost(Duration.ofSeconds(60)).until(() -> !Api.at(port).as("admin")
                        .get("/api/admin/projections/" + name).expect(200).json().path("replaying").asBoolean());
            }
        }
        clients.shutdown();
        log.info("Sent {} requests to {} operations in {} s (seed {}): {} failures", sent, valid.size(),
                Duration.between(start, Instant.now()).toSeconds(), seed, failures.size());
        Collections.sort(failures);
        assertThat(failures).as("garbage accepted, a 5xx, or an answer that is not a problem (seed " + seed + ")")
                            .isEmpty();
        assertThat(valid.keySet()).as("valid requests of operations the description no longer has")
                                  .isSubsetOf(operations(api).keySet());
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Every operation of the description, as {@code "post /api/persons"}, in a fixed order. */
    private static Map<String, JsonNode> operations(JsonNode api) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation ->
                    operations.put(operation.getKey() + " " + path.getKey(), operation.getValue()));
        }
        return operations;
    }

    private static String documentedSuccess(JsonNode operation) {
        for (Iterator<String> codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2")) {
                return code;
            }
        }
        return "none";
    }

    private static void check(String operation, Garbage.Request variant, Api.Response answer, List<String> failures) {
        String problem = null;
        if (answer.status() < 400 || answer.status() >= 500) {
            problem = "answered " + answer.status();
        } else if (!answer.contentType().startsWith("application/problem+json")) {
            problem = "answered " + answer.status() + " as '" + answer.contentType() + "'";
        } else {
            try {
                JsonNode body = JSON.readTree(answer.text());
                if (body.path("status").asInt() != answer.status() || body.path("code").asText().isEmpty()) {
                    problem = "answered a problem without its status or code";
                }
            } catch (IOException e) {
                problem = "answered a problem that is not JSON";
            }
        }
        if (problem != null) {
            failures.add(operation + ", " + variant.description() + ": " + problem + " "
                    + answer.text().substring(0, Math.min(300, answer.text().length())));
        }
    }

    private Api.Response send(String user, Garbage.Request request, String position) {
        Api client = Api.at(port).as(user);
        if ("GET".equals(request.method()) && !request.headers().containsKey("X-Min-Event-Position")) {
            // reads wait for the records the fixtures made: a lagging projection is no excuse for a 404
            client = client.header("X-Min-Event-Position", position);
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            client = client.header(header.getKey(), header.getValue());
        }
        return client.send(request.method(), request.path(), request.body());
    }

    /** A valid request for every operation, each on records of its own, so that none spoils another's. */
    private Map<String, Garbage.Valid> validRequests(Registry registry) {
        String county = Registry.freshCounty();
        String community = county + "001001";
        LocalDate since = LocalDate.of(2020, 1, 1);
        Map<String, Garbage.Valid> valid = new LinkedHashMap<>();

        valid.put("post /api/households", command(Map.of(), body("communityCode", community,
                "address", "1 Fuzz Road", "postalCode", "310012", "kind", "REGISTERED", "householdNumber", "H-1",
                "date", "2020-01-01", "reason", "arrived for work")));
        String relocating = registry.household(community, since);
        valid.put("post /api/households/{householdId}/relocation", command(Map.of("householdId", relocating),
                body("communityCode", community, "address", "2 Fuzz Road", "postalCode", "310013",
                        "date", "2021-01-01", "reason", "the house was sold")));
        String headed = registry.household(community, since);
        registry.resident(headed, "Fuzz Head", "MALE", LocalDate.of(1980, 1, 1), "HEAD", since, "MARRIED");
        String spouse = registry.resident(headed, "Fuzz Spouse", "FEMALE", LocalDate.of(1982, 1, 1), "SPOUSE",
                since, "MARRIED");
        valid.put("post /api/households/{householdId}/head", command(Map.of("householdId", headed),
                body("personId", spouse, "date", "2021-01-01", "reason", "the head moved away")));

        String rented = registry.floatingHousehold(community, since);
        valid.put("post /api/persons", command(Map.of(), body("nationalId",
                Registry.nationalId(LocalDate.of(1990, 5, 5), "FEMALE"), "name", "Fuzz Person", "sex", "FEMALE",
                "birthDate", "1990-05-05", "householdId", rented, "relationToHead", "OTHER",
                "residency", "FLOATING_IN", "maritalStatus", "SINGLE", "ethnicity", "Han",
                "residentSince", "2020-06-01", "origin", "Xinyang, Henan", "moveReason", "WORK",
                "certificateNumber", "LD-1", "certificateExpiry", today.plusYears(1).toString(),
                "reason", "registered at the door")));
        String family = registry.household(community, since);
        String mother = registry.resident(family, "Fuzz Mother", "FEMALE", LocalDate.of(1990, 1, 1), "HEAD", since,
                "MARRIED");
        String father = registry.resident(family, "Fuzz Father", "MALE", LocalDate.of(1989, 1, 1), "SPOUSE", since,
                "MARRIED");
        valid.put("post /api/births", command(Map.of(), body("motherId", mother, "name", "Fuzz Child",
                "sex", "MALE", "birthDate", "2024-03-01", "householdId", family, "fatherId", father,
                "nationalId", Registry.nationalId(LocalDate.of(2024, 3, 1), "MALE"), "ethnicity", "Han",
                "relationToHead", "CHILD", "reason", "the hospital's certificate")));

        String dying = resident(registry, community, "Fuzz Elder", "MALE", LocalDate.of(1950, 1, 1));
        valid.put("post /api/persons/{personId}/death", command(Map.of("personId", dying),
                body("date", "2025-01-01", "reason", "the death certificate")));
        String marrying = resident(registry, community, "Fuzz Bride", "FEMALE", LocalDate.of(1995, 1, 1));
        valid.put("post /api/persons/{personId}/marital-status", command(Map.of("personId", marrying),
                body("maritalStatus", "MARRIED", "date", "2022-01-01", "reason", "the marriage certificate")));
        String parent = resident(registry, community, "Fuzz Parent", "FEMALE", LocalDate.of(1990, 1, 1));
        String baby = registry.born(parent, registry.household(community, since), "Fuzz Baby", "FEMALE",
                LocalDate.of(2023, 1, 1));
        valid.put("post /api/persons/{personId}/national-id", command(Map.of("personId", baby),
                body("nationalId", Registry.nationalId(LocalDate.of(2023, 1, 1), "FEMALE"), "reason", "ID issued")));
        String misspelt = resident(registry, community, "Fuzz Mispelt", "MALE", LocalDate.of(1985, 1, 1));
        valid.put("post /api/persons/{personId}/corrections", command(Map.of("personId", misspelt),
                body("field", "name", "value", "Fuzz Misspelt", "reason", "as on the ID card")));
        String away = registry.floating(registry.floatingHousehold(community, since), "Fuzz Mover", "FEMALE",
                LocalDate.of(1991, 1, 1), "OTHER", since, "Hefei, Anhui", today.plusYears(1), null);
        registry.moveOut(away, LocalDate.of(2021, 1, 1), "Hefei, Anhui");
        valid.put("post /api/persons/{personId}/moves", command(Map.of("personId", away), body("direction", "IN",
                "date", "2022-01-01", "place", "Hefei, Anhui", "moveReason", "FAMILY",
                "toHouseholdId", registry.floatingHousehold(community, since), "relationToHead", "OTHER",
                "certificateNumber", "LD-2", "certificateExpiry", today.plusYears(1).toString(),
                "reason", "back for work")));
        String patient = resident(registry, community, "Fuzz Patient", "FEMALE", LocalDate.of(1992, 1, 1));
        valid.put("post /api/persons/{personId}/check-ups", command(Map.of("personId", patient),
                body("type", "PRE_PREGNANCY", "date", "2025-01-10", "facility", "Fuzz Clinic", "result", "HIGH_RISK",
                        "riskLevel", "HIGH", "notes", "anaemia\nto follow", "followUpDue", "2025-03-01",
                        "reason", "township health day")));

        valid.put("post /api/persons/{personId}/benefit-claims", command(Map.of("personId",
                motherOfOnlyChild(registry, community)), body("programme", "ONLY_CHILD_PARENT_AWARD",
                "basis", "one child", "reason", "applied at the office")));
        String deciding = motherOfOnlyChild(registry, community);
        valid.put("post /api/persons/{personId}/benefit-claims/{claimId}/decisions", command(Map.of(
                "personId", deciding, "claimId", registry.filedClaim(deciding, Programme.ONLY_CHILD_PARENT_AWARD,
                        today)), body("stage", "VILLAGE_ASSESSMENT", "outcome", "APPROVE", "note", "checked",
                "reason", "village meeting")));
        String noticed = motherOfOnlyChild(registry, community);
        valid.put("post /api/persons/{personId}/benefit-claims/{claimId}/objections", command(Map.of(
                "personId", noticed, "claimId", registry.claimOnNotice(noticed, Programme.ONLY_CHILD_PARENT_AWARD,
                        today, Instant.now())), body("note", "she has two children",
                "reason", "a neighbour's letter")));
        String objected = motherOfOnlyChild(registry, community);
        String held = registry.claimOnNotice(objected, Programme.ONLY_CHILD_PARENT_AWARD, today, Instant.now());
        valid.put("post /api/persons/{personId}/benefit-claims/{claimId}/objections/{objectionId}/resolution",
                command(Map.of("personId", objected, "claimId", held, "objectionId",
                        registry.objection(objected, held, today)), body("upheld", false, "note", "unfounded",
                        "reason", "checked the register")));
        String granted = motherOfOnlyChild(registry, community);
        valid.put("post /api/persons/{personId}/benefit-claims/{claimId}/recertifications", command(Map.of(
                "personId", granted, "claimId", registry.grantedClaim(granted, Programme.ONLY_CHILD_PARENT_AWARD,
                        LocalDate.of(today.getYear(), 1, 1))), body("year", today.getYear(), "outcome", "CONTINUE",
                "reason", "annual review")));
        valid.put("post /api/benefit-payment-runs", command(Map.of(), body("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", YearMonth.now(OFFICES).minusMonths(1).toString(), "areaCode", county,
                "reason", "monthly run")));
        String reporting = county + "002";
        valid.put("post /api/reports", command(Map.of(), body("areaCode", reporting + "001", "month", "2024-05",
                "reason", "monthly report")));
        valid.put("post /api/reports/{reportId}/return", command(Map.of("reportId",
                filedReport(registry, reporting + "002")), body("note", "births do not add up", "reason", "checked")));
        valid.put("post /api/reports/{reportId}/approval", command(Map.of("reportId",
                filedReport(registry, reporting + "003")), body("reason", "checked")));
        String filed = filedReport(registry, reporting + "004");
        String ledger = "户号,社区代码,住址,公民身份号码,姓名,性别,出生日期,与户主关系\n"
                + "F1," + community + ",1 Fuzz Lane," + Registry.nationalId(LocalDate.of(1970, 7, 7), "MALE")
                + ",Fuzz Imported,男,1970-07-07,户主\n";
        valid.put("post /api/imports", Garbage.Valid.file("admin", Map.of("dryRun", "true", "fileName", "fuzz.csv",
                "charset", "UTF-8", "reason", "checking the ledger"), "text/csv",
                ledger.getBytes(StandardCharsets.UTF_8)));
        String imported = Api.at(port).as("admin").header("Content-Type", "text/csv")
                             .send("POST", "/api/imports?dryRun=true", ledger.getBytes(StandardCharsets.UTF_8))
                             .expect(201).field("importId");
        valid.put("get /api/imports/{importId}", read(Map.of("importId", imported), Map.of("outcome", "VALID",
                "page", "0", "size", "10")));
        String wrongLedger = "户号,社区代码,住址,公民身份号码,姓名,性别,出生日期,与户主关系\n"
                + "F2," + community + ",2 Fuzz Lane," + Registry.nationalId(LocalDate.of(1971, 8, 8), "FEMALE")
                + ",Fuzz Reverted,女,1971-08-08,户主\n";
        String toRevert = Api.at(port).as("admin").header("Content-Type", "text/csv")
                             .send("POST", "/api/imports?fileName=wrong.csv", wrongLedger.getBytes(StandardCharsets.UTF_8))
                             .expect(201).field("importId");
        valid.put("post /api/imports/{importId}/revert", command(Map.of("importId", toRevert),
                body("reason", "the ledger of another township")));
        valid.put("get /api/imports", read(Map.of(), Map.of("page", "0", "size", "10")));
        valid.put("get /api/imports/template", read(Map.of(), Map.of()));
        valid.put("post /api/admin/projections/{name}/verify", command(Map.of("name", "household-register"), null));
        valid.put("post /api/admin/projections/{name}/replay", command(Map.of("name", "migration-flows"), null));

        String year = "2025";
        Map<String, String> period = Map.of("areaCode", county, "from", year + "-01-01", "to", year + "-12-31");
        valid.put("get /api/persons", read(Map.of(), Map.of("areaCode", community, "name", "Fuzz",
                "birthDate", "1990-01-01", "residency", "PERMANENT", "page", "0", "size", "10")));
        valid.put("get /api/persons/{personId}", read(Map.of("personId", misspelt), Map.of()));
        valid.put("get /api/households", read(Map.of(), Map.of("areaCode", community, "kind", "REGISTERED",
                "page", "0", "size", "10")));
        valid.put("get /api/households/{householdId}", read(Map.of("householdId", relocating), Map.of()));
        valid.put("get /api/public-notices", read(Map.of(), Map.of("areaCode", county, "page", "0", "size", "10")));
        valid.put("get /api/ledgers/public-notice-board", read(Map.of(), Map.of("areaCode", county)));
        valid.put("get /api/ledgers/floating-population", read(Map.of(), Map.of("areaCode", county,
                "direction", "IN", "asOf", today.toString(), "certificate", "VALID", "expiringWithinDays", "30",
                "page", "0", "size", "10")));
        valid.put("get /api/ledgers/check-ups", read(Map.of(), with(period, "page", "0", "size", "10")));
        valid.put("get /api/ledgers/check-ups/outreach", read(Map.of(), with(period, "format", "xlsx",
                "charset", "UTF-8")));
        valid.put("get /api/ledgers/check-ups/follow-ups", read(Map.of(), Map.of("areaCode", county,
                "asOf", today.toString(), "dueBy", today.plusDays(30).toString(), "page", "0", "size", "10")));
        valid.put("get /api/ledgers/benefit-payments", read(Map.of(), Map.of("areaCode", county,
                "programme", "ONLY_CHILD_PARENT_AWARD", "period", year + "-03", "page", "0", "size", "10")));
        valid.put("get /api/ledgers/benefit-payments/export", read(Map.of(), Map.of("areaCode", county,
                "programme", "ONLY_CHILD_PARENT_AWARD", "period", year + "-03", "format", "xlsx", "charset", "UTF-8")));
        valid.put("get /api/ledgers/benefit-claims", read(Map.of(), Map.of("areaCode", county,
                "programme", "ONLY_CHILD_PARENT_AWARD", "status", "GRANTED", "page", "0", "size", "10")));
        valid.put("get /api/events", read(Map.of(), Map.of("after", "0", "types", "HouseholdRegistered",
                "limit", "10")));
        valid.put("get /api/dashboards/population-balance", read(Map.of(), Map.of("areaCode", county,
                "from", year + "-01", "to", year + "-12", "knownAt", today.toString())));
        valid.put("get /api/dashboards/births-by-month", read(Map.of(), Map.of("areaCode", county,
                "from", year + "-01", "to", year + "-12", "knownAt", today.toString())));
        valid.put("get /api/dashboards/migration-flows", read(Map.of(), Map.of("areaCode", county,
                "from", year + "-01", "to", year + "-12")));
        valid.put("get /api/dashboards/indicators", read(Map.of(), with(period, "knownAt", today.toString())));
        valid.put("get /api/dashboards/indicators/{figure}", read(Map.of("figure", "births"),
                with(with(with(with(period, "knownAt", today.toString()), "page", "0", "size", "10"), "sex", "FEMALE"),
                        "ageFrom", "0", "ageTo", "4")));
        valid.put("get /api/audit", read(Map.of(), Map.of("actor", "admin", "from", year + "-01-01",
                "to", today.toString(), "page", "0", "size", "10")));
        valid.put("get /api/audit/persons/{personId}", read(Map.of("personId", misspelt), Map.of()));
        valid.put("get /api/audit/persons/{personId}/state", read(Map.of("personId", misspelt),
                Map.of("asOf", today.toString())));
        valid.put("get /api/audit/households/{householdId}", read(Map.of("householdId", relocating), Map.of()));
        valid.put("get /api/audit/households/{householdId}/state", read(Map.of("householdId", relocating),
                Map.of("asOf", today.toString())));
        valid.put("get /api/reports", read(Map.of(), Map.of("areaCode", reporting, "month", "2024-05")));
        valid.put("get /api/reports/{reportId}", read(Map.of("reportId", filed), Map.of()));
        valid.put("get /api/reports/{reportId}/document", read(Map.of("reportId", filed), Map.of("format", "pdf")));
        valid.put("get /api/reports/{reportId}/revisions", read(Map.of("reportId", filed), Map.of()));
        valid.put("get /api/ledgers/person-index", read(Map.of(), Map.of("areaCode", community,
                "residency", "PERMANENT", "format", "xlsx", "charset", "UTF-8")));
        valid.put("get /api/ledgers/household-register", read(Map.of(), Map.of("areaCode", community,
                "kind", "REGISTERED", "format", "csv", "charset", "GBK")));
        valid.put("get /api/ledgers/floating-population/export", read(Map.of(), Map.of("areaCode", county,
                "direction", "IN", "asOf", today.toString(), "certificate", "VALID", "expiringWithinDays", "30",
                "format", "xlsx", "charset", "UTF-8")));
        valid.put("get /api/admin/projections", read(Map.of(), Map.of()));
        valid.put("get /api/admin/projections/{name}", read(Map.of("name", "household-register"), Map.of()));
        valid.put("get /", read(Map.of(), Map.of()));
        return valid;
    }

    private static String resident(Registry registry, String community, String name, String sex, LocalDate born) {
        return registry.resident(registry.household(community, LocalDate.of(2020, 1, 1)), name, sex, born, "HEAD",
                LocalDate.of(2020, 1, 1), "SINGLE");
    }

    /** A mother of one child, under 14: eligible for the only-child award. */
    private String motherOfOnlyChild(Registry registry, String community) {
        String home = registry.household(community, LocalDate.of(2015, 1, 1));
        String mother = registry.resident(home, "Fuzz Claimant", "FEMALE", LocalDate.of(1988, 1, 1), "HEAD",
                LocalDate.of(2015, 1, 1), "MARRIED");
        registry.born(mother, home, "Fuzz Only", "MALE", today.minusYears(5));
        return mother;
    }

    /** A report of May 2024 filed by a clerk (so that the admin may decide on it), seen by the reads. */
    private String filedReport(Registry registry, String community) {
        registry.household(community, LocalDate.of(2020, 1, 1));
        registry.saw(Api.at(port).as("clerk").post("/api/reports", Map.of("areaCode", community, "month", "2024-05"))
                        .expect(201).eventPosition());
        return community + "-2024-05";
    }

    private static Garbage.Valid command(Map<String, String> path, ObjectNode body) {
        return new Garbage.Valid("admin", path, Map.of(), body);
    }

    private static Garbage.Valid read(Map<String, String> path, Map<String, String> query) {
        return new Garbage.Valid("admin", path, query, null);
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return more;
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value,
                                            String name2, String value2) {
        return with(with(parameters, name, value), name2, value2);
    }

    private static ObjectNode body(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JSON.valueToTree(fields);
    }
}
