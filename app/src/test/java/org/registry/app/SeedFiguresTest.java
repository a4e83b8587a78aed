package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures the seeds report, reproduced by the dashboard on read-model rows built for them, segments and their
 * monthly tally (tens of thousands of people are too many to register over HTTP in a test): 57 boys and 53 girls give
 * a sex ratio at birth of 107.5; 164 births in a mean population of 20,405 give 8.0‰; 8,943 checked of 9,126 eligible
 * women give 98.0%.
 */
@RegistryTest
class SeedFiguresTest {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final String county = Registry.freshCounty();
    final UUID household = UUID.randomUUID();
    /**
     * The seeded rows' ids, below zero: the residence history numbers its rows from the events' positions
     * ({@code Recording}), which the identity column's own numbering would run into.
     */
    static final AtomicLong SEEDED = new AtomicLong();

    final List<Object[]> segments = new ArrayList<>();
    final List<Object[]> persons = new ArrayList<>();
    int position;

    /** A person living in the community from {@code from} (by {@code entry}) until {@code to} (by {@code exit}). */
    UUID live(String community, String sex, LocalDate birthDate, String marital, LocalDate from, String entry,
              LocalDate to, String exit) {
        UUID person = UUID.randomUUID();
        position++;
        segments.add(new Object[] {-SEEDED.incrementAndGet(), person, household, community, community.substring(0, 9),
                community.substring(0, 6),
                "PERMANENT", marital, sex, birthDate, position, from, to, entry, exit, from,
                Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"))});
        persons.add(new Object[] {person, "Seed " + position, sex, birthDate, position, marital});
        return person;
    }

    LocalDate dayOfYear(int n) {
        return FROM.plusDays(1 + n % 360);
    }

    void store() {
        jdbc.batchUpdate("""
                INSERT INTO residence_segment (id, person_id, household_id, community_code, township_code,
                    county_code, residency, marital_status, sex, birth_date, registered_position, valid_from, valid_to,
                    entry_kind, exit_kind, arrived_on, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", segments);
        jdbc.batchUpdate("""
                INSERT INTO residence_person (person_id, name, sex, birth_date, registered_position, marital_status)
                VALUES (?, ?, ?, ?, ?, ?)""", persons);
        // the monthly tally, as the residence history keeps it beside its segments: +1 in the month a stay began,
        // -1 in the month it ended
        Map<List<Object>, Long> tally = new HashMap<>();
        for (Object[] segment : segments) {
            String community = (String) segment[3];
            tally.merge(List.of(community, ((LocalDate) segment[11]).withDayOfMonth(1)), 1L, Long::sum);
            if (segment[12] != null) {
                tally.merge(List.of(community, ((LocalDate) segment[12]).withDayOfMonth(1)), -1L, Long::sum);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        tally.forEach((key, change) -> rows.add(new Object[] {key.get(0), ((String) key.get(0)).substring(0, 9),
                ((String) key.get(0)).substring(0, 6), key.get(1), change}));
        jdbc.batchUpdate("""
                INSERT INTO residence_tally (community_code, township_code, county_code, subject, month_start,
                    change)
                VALUES (?, ?, ?, 'PERMANENT', ?, ?)""", rows);
    }

    @AfterEach
    void removeTheRows() {
        jdbc.update("DELETE FROM checkup_record WHERE person_id IN (SELECT person_id FROM residence_segment"
                + " WHERE county_code = ?)", county);
        jdbc.update("DELETE FROM residence_person WHERE person_id IN (SELECT person_id FROM residence_segment"
                + " WHERE county_code = ?)", county);
        jdbc.update("DELETE FROM residence_segment WHERE county_code = ?", county);
        jdbc.update("DELETE FROM residence_tally WHERE county_code = ?", county);
    }

    JsonNode indicators(String area) {
        return Api.at(port).as("analyst").get("/api/dashboards/indicators?areaCode=" + area + "&from=" + FROM
                + "&to=" + TO).expect(200).json();
    }

    @Test
    void oneHundredSixtyFourBirthsInAMeanPopulationOf20405GiveABirthRateOf8point0PerMille() {
        String community = county + "001001";
        LocalDate adult = LocalDate.parse("1980-01-01");
        LocalDate longAgo = LocalDate.parse("2000-01-01");
        for (int i = 0; i < 20_146; i++) {
            live(community, i % 2 == 0 ? "MALE" : "FEMALE", adult, "SINGLE", longAgo, "REGISTRATION", null, null);
        }
        for (int i = 0; i < 120; i++) {
            live(community, "MALE", adult, "SINGLE", longAgo, "REGISTRATION", dayOfYear(i * 3), "DEATH");
        }
        for (int i = 0; i < 34; i++) {
            live(community, "FEMALE", adult, "SINGLE", longAgo, "REGISTRATION", dayOfYear(i * 7), "DEPARTURE");
        }
        for (int i = 0; i < 200; i++) {
            live(community, "MALE", adult, "SINGLE", dayOfYear(i), "ARRIVAL", null, null);
        }
        for (int i = 0; i < 164; i++) {
            LocalDate born = dayOfYear(i * 2);
            live(community, i < 84 ? "MALE" : "FEMALE", born, "SINGLE", born, "BIRTH", null, null);
        }
        store();

        JsonNode figures = indicators(community);
        assertThat(figures.at("/population/start").asLong()).isEqualTo(20_300);
        assertThat(figures.at("/population/end").asLong()).isEqualTo(20_510);
        assertThat(figures.at("/birthRatePerMille/value").asText()).isEqualTo("8.0");
        assertThat(figures.at("/birthRatePerMille/births").asLong()).isEqualTo(164);
        assertThat(figures.at("/birthRatePerMille/meanPopulation").asText()).isEqualTo("20405.0");
        // 120 deaths: 5.88‰; (164 - 120) / 20,405: 2.16‰, rounded once
        assertThat(figures.at("/deathRatePerMille/value").asText()).isEqualTo("5.9");
        assertThat(figures.at("/naturalGrowthRatePerMille/value").asText()).isEqualTo("2.2");

        JsonNode year = Api.at(port).as("analyst").get("/api/dashboards/population-balance?areaCode=" + community
                + "&from=2026-01&to=2026-12").expect(200).json();
        assertThat(year.get(0).get("opening").asLong()).isEqualTo(20_300);
        assertThat(year.get(11).get("closing").asLong()).isEqualTo(20_510);
        assertThat(List.of(Registry.sum(year, "births"), Registry.sum(year, "movedIn"), Registry.sum(year, "deaths"),
                Registry.sum(year, "movedOut"))).containsExactly(164L, 200L, 120L, 34L);
    }

    @Test
    void fiftySevenBoysAndFiftyThreeGirlsGiveASexRatioAtBirthOf107point5() {
        String community = county + "002001";
        for (int i = 0; i < 110; i++) {
            LocalDate born = dayOfYear(i * 3);
            live(community, i < 57 ? "MALE" : "FEMALE", born, "SINGLE", born, "BIRTH", null, null);
        }
        store();

        JsonNode figures = indicators(community);
        assertThat(figures.at("/sexRatioAtBirth/value").asText()).isEqualTo("107.5");
        assertThat(figures.at("/sexRatioAtBirth/male").asLong()).isEqualTo(57);
        assertThat(figures.at("/sexRatioAtBirth/female").asLong()).isEqualTo(53);
        assertThat(Api.at(port).as("analyst").get("/api/dashboards/indicators/maleBirths?areaCode=" + community
                + "&from=" + FROM + "&to=" + TO + "&size=500").expect(200).json().get("items")).hasSize(57);
    }

    @Test
    void eightThousandNineHundredFortyThreeCheckedOf9126EligibleWomenIsACoverageOf98point0Percent() {
        String community = county + "003001";
        List<Object[]> checkUps = new ArrayList<>();
        for (int i = 0; i < 9_126; i++) {
            UUID woman = live(community, "FEMALE", LocalDate.parse("1990-06-06"), "MARRIED",
                    LocalDate.parse("2010-01-01"), "REGISTRATION", null, null);
            if (i < 8_943) {
                checkUps.add(new Object[] {UUID.randomUUID(), woman, dayOfYear(i), Timestamp.from(Instant.now())});
            }
        }
        store();
        jdbc.batchUpdate("""
                INSERT INTO checkup_record (checkup_id, person_id, type, check_date, facility, result, recorded_at)
                VALUES (?, ?, 'REPRODUCTIVE_HEALTH', ?, 'Clinic', 'NORMAL', ?)""", checkUps);

        JsonNode figures = indicators(community);
        assertThat(figures.at("/checkUpCoverage/value").asText()).isEqualTo("98.0");
        assertThat(figures.at("/checkUpCoverage/checked").asLong()).isEqualTo(8_943);
        assertThat(figures.at("/checkUpCoverage/eligible").asLong()).isEqualTo(9_126);
    }
}
