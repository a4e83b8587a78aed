package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisions of a filed report (月月清): facts recorded after the filing that change its figures, on the two clocks.
 * The report keeps its figures as filed; its revisions show each changed figure filed and now, and the records that
 * entered or left it, with the facts recorded on them since and who recorded them.
 */
class ReportRevisionsApiTest extends CountyScenario {

    static final String OCTOBER = "2026-10";

    Api as(String user) {
        return Api.at(port).as(user);
    }

    JsonNode read(Api api, String path, long position) {
        return api.header("X-Min-Event-Position", Long.toString(position)).get(path).expect(200).json();
    }

    Api.Response file(String community) {
        return as("clerk").post("/api/reports", Map.of("areaCode", community, "month", OCTOBER)).expect(201);
    }

    /** The figure of this path among the revisions, or null when it did not change. */
    static JsonNode figure(JsonNode revisions, String path) {
        for (JsonNode figure : revisions.get("figures")) {
            if (figure.get("figure").asText().equals(path)) {
                return figure;
            }
        }
        return null;
    }

    /** Each count with a list moved by exactly the records that entered and left it (each listed once here). */
    static void everyCountMovedByItsRecords(JsonNode revisions) {
        for (JsonNode figure : revisions.get("figures")) {
            if (!figure.get("entered").isNull() && figure.get("filed").canConvertToExactIntegral()
                    && !figure.get("figure").asText().endsWith("amountPaid")) {
                assertThat(figure.get("now").asLong() - figure.get("filed").asLong())
                        .as("the change of %s", figure.get("figure").asText())
                        .isEqualTo(figure.get("entered").size() - figure.get("left").size());
            }
        }
    }

    static List<String> ids(JsonNode records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(record.get("recordId").asText()));
        return ids;
    }

    static JsonNode record(JsonNode records, String id) {
        for (JsonNode record : records) {
            if (record.get("recordId").asText().equals(id)) {
                return record;
            }
        }
        throw new AssertionError("no record " + id + " in " + records);
    }

    @Test
    void aBirthRegisteredAfterFilingIsARevisionWithItsRecordAndItsClerkWhileTheFiguresStayAsFiled() {
        String community = community("001", "001");
        String home = registry.household(community, day("2000-01-01"));
        String mother = registry.mother(home, "Qian Hong", day("1990-03-03"), "Qian Da", "MALE", day("2024-05-10"));
        Api.Response filing = file(community);
        String id = filing.field("reportId");
        JsonNode filed = read(as("clerk"), "/api/reports/" + id, filing.eventPosition());
        assertThat(filed.at("/figures/indicators/births/total").asLong()).isZero();
        Instant filedAt = Instant.parse(filed.get("filedAt").asText());

        // registered late, by another clerk, dated in the filed month
        Api.Response late = as("clerk2").post("/api/births", Map.of("motherId", mother, "name", "Qian Xiao",
                "sex", "FEMALE", "birthDate", "2026-10-20", "householdId", home)).expect(201);
        String child = late.field("personId");

        JsonNode revisions = read(as("clerk"), "/api/reports/" + id + "/revisions", late.eventPosition());
        assertThat(revisions.get("reportId").asText()).isEqualTo(id);
        assertThat(revisions.get("revision").asInt()).isEqualTo(1);
        assertThat(Instant.parse(revisions.get("knownAt").asText()))
                .isEqualTo(Instant.parse(filed.at("/figures/indicators/knownAt").asText()));

        JsonNode births = figure(revisions, "indicators.births.total");
        assertThat(births).isNotNull();
        assertThat(births.get("label").asText()).isEqualTo("出生人数");
        assertThat(births.get("filed").asLong()).isZero();
        assertThat(births.get("now").asLong()).isEqualTo(1);
        assertThat(ids(births.get("entered"))).containsExactly(child);
        assertThat(births.get("left")).isEmpty();
        JsonNode record = record(births.get("entered"), child);
        assertThat(record.get("recordType").asText()).isEqualTo("Person");
        assertThat(record.get("name").asText()).isEqualTo("Qian Xiao");
        JsonNode registered = null;
        for (JsonNode fact : record.get("facts")) {
            assertThat(Instant.parse(fact.get("recordedAt").asText())).isAfter(filedAt);
            if (fact.get("type").asText().equals("BirthRegistered")) {
                registered = fact;
            }
        }
        assertThat(registered).as("the birth among the facts of %s", record).isNotNull();
        assertThat(registered.get("actor").asText()).isEqualTo("clerk2");
        assertThat(registered.get("role").asText()).isEqualTo("CLERK");
        assertThat(registered.get("occurredOn").asText()).isEqualTo("2026-10-20");
        assertThat(registered.get("recordId").asText()).isEqualTo(child);

        // the girl counts among the female births and the population at the end, not among the male births
        assertThat(figure(revisions, "indicators.births.female").get("now").asLong()).isEqualTo(1);
        assertThat(ids(figure(revisions, "indicators.births.female").get("entered"))).containsExactly(child);
        assertThat(figure(revisions, "indicators.births.male")).isNull();
        assertThat(figure(revisions, "indicators.births.byOrder.1")).isNull();
        assertThat(ids(figure(revisions, "indicators.births.byOrder.2").get("entered"))).containsExactly(child);
        JsonNode closing = figure(revisions, "balance.closing");
        assertThat(closing.get("filed").asLong()).isEqualTo(2);
        assertThat(closing.get("now").asLong()).isEqualTo(3);
        assertThat(ids(closing.get("entered"))).containsExactly(child);
        assertThat(figure(revisions, "balance.opening")).isNull();
        // a rate has no list of its own: filed and now only
        JsonNode rate = figure(revisions, "indicators.birthRatePerMille.value");
        assertThat(rate.get("filed").decimalValue()).isNotEqualByComparingTo(rate.get("now").decimalValue());
        assertThat(rate.get("entered").isNull()).isTrue();
        everyCountMovedByItsRecords(revisions);

        // the report itself stays as filed
        JsonNode report = read(as("clerk"), "/api/reports/" + id, late.eventPosition());
        assertThat(report.get("figures")).isEqualTo(filed.get("figures"));
        assertThat(report.at("/figures/indicators/births/total").asLong()).isZero();

        // in English on request
        JsonNode english = as("clerk").header("Accept-Language", "en").get("/api/reports/" + id + "/revisions")
                                      .expect(200).json();
        assertThat(figure(english, "indicators.births.total").get("label").asText()).isEqualTo("Births");
    }

    @Test
    void aDeathRecordedLateLeavesThePopulationAndEntersTheDeaths() {
        String community = community("002", "001");
        String home = registry.household(community, day("2000-01-01"));
        String grandfather = registry.resident(home, "Sun Lao", "MALE", day("1930-01-01"), "HEAD",
                day("2000-01-01"), "MARRIED");
        registry.resident(home, "Sun Nai", "FEMALE", day("1932-01-01"), "SPOUSE", day("2000-01-01"), "MARRIED");
        String id = file(community).field("reportId");

        long died = as("clerk2").post("/api/persons/" + grandfather + "/death", Map.of("date", "2026-10-05"))
                                .expect(200).eventPosition();
        JsonNode revisions = read(as("clerk"), "/api/reports/" + id + "/revisions", died);
        JsonNode deaths = figure(revisions, "indicators.deaths");
        assertThat(deaths.get("filed").asLong()).isZero();
        assertThat(deaths.get("now").asLong()).isEqualTo(1);
        assertThat(ids(deaths.get("entered"))).containsExactly(grandfather);
        JsonNode end = figure(revisions, "indicators.population.end");
        assertThat(end.get("filed").asLong()).isEqualTo(2);
        assertThat(end.get("now").asLong()).isEqualTo(1);
        assertThat(end.get("entered")).isEmpty();
        assertThat(ids(end.get("left"))).containsExactly(grandfather);
        JsonNode fact = record(end.get("left"), grandfather).get("facts").get(0);
        assertThat(fact.get("actor").asText()).isEqualTo("clerk2");
        assertThat(fact.get("occurredOn").asText()).isEqualTo("2026-10-05");
        everyCountMovedByItsRecords(revisions);
        // living on the month's first day, he stays in the population at its start
        assertThat(figure(revisions, "indicators.population.start")).isNull();
    }

    @Test
    void aReportWithNoLaterFactsHasNoRevisions() {
        String community = community("003", "001");
        String home = registry.household(community, day("2000-01-01"));
        registry.mother(home, "Li Hua", day("1991-05-05"), "Li Xiao", "FEMALE", day("2026-10-03"));
        String aunt = registry.resident(home, "Li Mei", "FEMALE", day("1993-06-06"), "OTHER", day("2010-01-01"),
                "MARRIED");
        String id = file(community).field("reportId");
        // a fact of another month changes nothing in October's figures
        long later = as("clerk2").post("/api/births", Map.of("motherId", aunt, "name", "Li Er", "sex", "MALE",
                "birthDate", "2026-11-03", "householdId", home)).expect(201).eventPosition();

        JsonNode revisions = read(as("clerk"), "/api/reports/" + id + "/revisions", later);
        assertThat(revisions.get("figures")).isEmpty();
        // a clerk of another area does not read it; an unknown report is not found
        as("village").get("/api/reports/" + id + "/revisions").expect(403);
        as("clerk").get("/api/reports/" + community + "-2026-09/revisions").expect(404);
    }
}
