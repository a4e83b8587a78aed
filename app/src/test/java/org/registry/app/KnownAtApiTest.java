package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code knownAt}: figures as the register knew them at a past instant. A January report filed on "the 2nd" is
 * reproduced exactly after late registrations and corrections, and the difference they made is visible.
 */
class KnownAtApiTest extends CountyScenario {

    String community;
    String elsewhere;

    @BeforeEach
    void nameTheCommunities() {
        community = community("001", "001");
        elsewhere = Registry.freshCounty() + "001001";
    }

    String query(String path, Instant knownAt) {
        return path + "?areaCode=" + county + "&from=2026-01-01&to=2026-01-31"
                + (knownAt == null ? "" : "&knownAt=" + knownAt);
    }

    JsonNode indicators(Instant knownAt) {
        return registry.get(clerk, query("/api/dashboards/indicators", knownAt));
    }

    static JsonNode withoutKnownAt(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("knownAt");
        return copy;
    }

    static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant instant = Instant.now();
        Thread.sleep(20);
        return instant;
    }

    @Test
    void aReportFiledOnTheSecondIsReproducedExactlyAfterLateRegistrationsAndCorrections() throws Exception {
        String home = registry.household(community, day("2000-01-01"));
        String moving = registry.household(community, day("2000-01-01"));
        String mother = registry.marriedHead(home, "Chen Mei", "FEMALE", day("1990-05-05"));
        String grandfather = registry.resident(home, "Chen Lao", "MALE", day("1940-01-01"), "PARENT",
                day("2010-01-01"), null);
        String aunt = registry.resident(home, "Wu Fang", "FEMALE", day("1992-02-02"), "OTHER", day("2010-01-01"),
                "MARRIED");
        registry.resident(moving, "Lin Yi", "MALE", day("1980-01-01"), "HEAD", day("2010-01-01"), null);
        String boy = registry.born(mother, home, "Chen Xiao", "MALE", day("2026-01-10"));
        registry.checkUp(mother, day("2025-11-11"));

        Instant filed = pause();
        JsonNode report = indicators(null);
        assertThat(report.at("/births/total").asLong()).isEqualTo(1);
        assertThat(report.at("/population/end").asLong()).isEqualTo(5);

        // after filing: a birth and a death in January registered late, the boy's birth date corrected into
        // December, a relocation out of the county dated January, a January check-up recorded late
        registry.born(aunt, home, "Chen Er", "FEMALE", day("2026-01-12"));
        registry.death(grandfather, day("2026-01-28"));
        registry.correct(boy, "birthDate", "2025-12-30");
        registry.relocate(moving, elsewhere, day("2026-01-05"));
        registry.checkUp(mother, day("2026-01-15"));

        JsonNode asFiled = indicators(filed);
        assertThat(withoutKnownAt(asFiled)).isEqualTo(withoutKnownAt(report));
        assertThat(asFiled.get("knownAt").asText()).isEqualTo(filed.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .toString());

        JsonNode now = indicators(null);
        assertThat(now.at("/births/total").asLong()).isEqualTo(1);
        assertThat(now.at("/births/female").asLong()).isEqualTo(1);
        assertThat(now.at("/births/male").asLong()).isZero();
        assertThat(now.get("deaths").asLong()).isEqualTo(1);
        // the boy lived here already on the 1st, and so did Lin Yi, who left on the 5th; the grandfather died on the 28th
        assertThat(now.at("/population/start").asLong()).isEqualTo(5);
        assertThat(now.at("/population/end").asLong()).isEqualTo(4);
        assertThat(now.at("/checkUpCoverage/checked").asLong()).isEqualTo(1);
        assertThat(now.get("households").asLong()).isEqualTo(1);
        // the only January birth now: the girl, her mother's first child
        assertThat(now.at("/births/byOrder/1").asLong()).isEqualTo(1);
        assertThat(now.at("/births/byOrder/2").asLong()).isZero();
    }

    @Test
    void theDrillDownsAndTheBalanceAnswerAsKnownAtTheInstantToo() throws Exception {
        String home = registry.household(community, day("2000-01-01"));
        String mother = registry.mother(home, "He Li", day("1991-05-05"), "He Yi", "MALE", day("2026-01-10"));
        Instant filed = pause();
        registry.born(mother, home, "He Er", "FEMALE", day("2026-01-11"));
        registry.resident(home, "He Lao", "MALE", day("1950-01-01"), "PARENT", day("2026-01-20"), null);

        assertThat(names(registry.get(clerk, query("/api/dashboards/indicators/births", filed))))
                .containsExactly("He Yi");
        assertThat(names(registry.get(clerk, query("/api/dashboards/indicators/births", null))))
                .containsExactlyInAnyOrder("He Yi", "He Er");
        JsonNode then = registry.get(clerk, query("/api/dashboards/population-balance", filed)).get(0);
        JsonNode now = registry.get(clerk, query("/api/dashboards/population-balance", null)).get(0);
        assertThat(then.get("closing").asLong()).isEqualTo(2);
        assertThat(now.get("closing").asLong()).isEqualTo(4);
        assertThat(now.get("movedIn").asLong() - then.get("movedIn").asLong()).isEqualTo(1);
        assertThat(now.get("births").asLong() - then.get("births").asLong()).isEqualTo(1);
    }

    @Test
    void aBareDateMeansTheEndOfThatDayAndBeforeAnythingWasRecordedEverythingIsZero() {
        String home = registry.household(community, day("2000-01-01"));
        registry.resident(home, "Gu Yi", "MALE", day("1980-01-01"), "HEAD", day("2010-01-01"), null);
        String yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/dashboards/indicators?areaCode=" + county + "&from=2026-01-01&to=2026-01-31&knownAt=";
        assertThat(registry.get(clerk, path + yesterday).at("/population/end").asLong()).isZero();
        assertThat(registry.get(clerk, path + yesterday).get("households").asLong()).isZero();
        assertThat(registry.get(clerk, path + today).at("/population/end").asLong()).isEqualTo(1);
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
