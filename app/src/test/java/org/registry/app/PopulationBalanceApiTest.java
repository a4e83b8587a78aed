package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.HouseholdApiTest.fields;

/** {@code /api/dashboards/population-balance}: the balance carries over month by month, at every level of area. */
class PopulationBalanceApiTest extends CountyScenario {

    /**
     * A and B lie in township 001, C in township 002. Seven residents at the end of 2025; then, in 2026: a birth,
     * a move away and the return, a floating resident arriving and leaving, transfers within and across
     * townships, two relocations (one across townships), two deaths, and two first registrations of residents
     * already living here, one of them recorded late.
     */
    void recordSixMonths() {
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.household(b, day("2000-01-01"));
        String hC = registry.household(c, day("2000-01-01"));
        String r1 = registry.resident(hA, "R1", "MALE", day("1950-01-01"), "HEAD", day("2010-01-01"), null);
        String r2 = registry.resident(hA, "R2", "MALE", day("1992-01-01"), "CHILD", day("2010-01-01"), null);
        String r3 = registry.resident(hA, "R3", "FEMALE", day("1990-01-01"), "SPOUSE", day("2010-01-01"), "MARRIED");
        String r4 = registry.resident(hB, "R4", "MALE", day("1945-01-01"), "HEAD", day("2010-01-01"), null);
        String r5 = registry.resident(hB, "R5", "FEMALE", day("1999-01-01"), "CHILD", day("2010-01-01"), null);
        registry.resident(hC, "R6", "MALE", day("1960-01-01"), "HEAD", day("2010-01-01"), null);
        String r7 = registry.resident(hC, "R7", "FEMALE", day("1988-01-01"), "OTHER", day("2010-01-01"), null);

        registry.born(r3, hA, "Child", "FEMALE", day("2026-01-10"));
        registry.moveOut(r2, day("2026-01-20"), "Shanghai");
        String f1 = registry.floating(hB, "F1", "MALE", day("1995-05-05"), "OTHER", day("2026-02-05"), "Anhui",
                day("2027-02-05"), null);
        registry.transfer(r5, hA, day("2026-02-28"));
        registry.transfer(r7, hB, day("2026-03-03"));
        registry.death(r1, day("2026-03-15"));
        registry.relocate(hA, c, day("2026-04-01"));
        registry.moveIn(r2, day("2026-04-20"), "Shanghai");
        registry.moveOut(f1, day("2026-05-05"), "Anhui");
        registry.resident(hC, "R8", "MALE", day("1970-01-01"), "OTHER", day("2026-05-31"), null);
        registry.death(r4, day("2026-06-01"));
        registry.relocate(hB, a, day("2026-06-15"));
        // recorded last, dated in March: it counts in March
        registry.resident(hC, "R9", "FEMALE", day("1980-01-01"), "OTHER", day("2026-03-01"), null);
    }

    List<JsonNode> balance(String area, String from, String to) {
        JsonNode answer = registry.get(clerk, "/api/dashboards/population-balance?areaCode=" + area + "&from=" + from
                + "&to=" + to);
        List<JsonNode> months = new ArrayList<>();
        answer.forEach(months::add);
        return months;
    }

    static String row(JsonNode month) {
        return month.get("month").asText() + " " + month.get("opening").asLong() + " +" + month.get("births").asLong()
                + " +" + month.get("movedIn").asLong() + " -" + month.get("deaths").asLong() + " -"
                + month.get("movedOut").asLong() + " = " + month.get("closing").asLong();
    }

    static void assertBalanceHolds(List<JsonNode> months) {
        for (int i = 0; i < months.size(); i++) {
            JsonNode month = months.get(i);
            assertThat(month.get("opening").asLong() + month.get("births").asLong() + month.get("movedIn").asLong()
                    - month.get("deaths").asLong() - month.get("movedOut").asLong())
                    .as(row(month)).isEqualTo(month.get("closing").asLong());
            if (i > 0) {
                assertThat(month.get("opening").asLong()).as("opening of " + row(month))
                        .isEqualTo(months.get(i - 1).get("closing").asLong());
            }
        }
    }

    @Test
    void theCountysBalanceCountsEveryChangeOfItsPopulationOnceInTheMonthItHappened() {
        recordSixMonths();
        List<JsonNode> months = balance(county, "2026-01", "2026-06");

        assertThat(months).extracting(PopulationBalanceApiTest::row).containsExactly(
                "2026-01 7 +1 +0 -0 -1 = 7",
                "2026-02 7 +0 +1 -0 -0 = 8",
                "2026-03 8 +0 +1 -1 -0 = 8",
                "2026-04 8 +0 +1 -0 -0 = 9",
                "2026-05 9 +0 +1 -0 -1 = 9",
                "2026-06 9 +0 +0 -1 -0 = 8");
        assertBalanceHolds(months);
    }

    @Test
    void theBalanceHoldsMonthOverMonthForEveryCommunityTownshipAndTheCounty() {
        recordSixMonths();
        for (String area : List.of(a, b, c, county + "001", county + "002", county)) {
            List<JsonNode> months = balance(area, "2025-12", "2026-07");
            assertThat(months).hasSize(8);
            assertBalanceHolds(months);
            JsonNode dashboard = registry.get(clerk, "/api/dashboards/indicators?areaCode=" + area
                    + "&from=2026-01-01&to=2026-06-30");
            assertThat(months.get(6).get("closing").asLong()).as(area)
                    .isEqualTo(dashboard.at("/population/end").asLong());
        }
    }

    @Test
    void aTransferOrRelocationIsAMoveForACommunityAndNoneForTheTownshipThatHoldsBoth() {
        recordSixMonths();
        // R5 went from B to A in February: out of B, into A, nothing for township 001
        assertThat(row(balance(b, "2026-02", "2026-02").get(0))).isEqualTo("2026-02 2 +0 +1 -0 -1 = 2");
        assertThat(row(balance(a, "2026-02", "2026-02").get(0))).isEqualTo("2026-02 3 +0 +1 -0 -0 = 4");
        assertThat(balance(county + "001", "2026-02", "2026-02").get(0).get("movedIn").asLong()).isEqualTo(1);
        // R7 went from C (township 002) to B in March: a move for both townships
        assertThat(balance(county + "001", "2026-03", "2026-03").get(0).get("movedIn").asLong()).isEqualTo(1);
        assertThat(balance(county + "002", "2026-03", "2026-03").get(0).get("movedOut").asLong()).isEqualTo(1);
        // household A moved to C in April with its three living members; R2 came back to it, in C
        assertThat(row(balance(a, "2026-04", "2026-04").get(0))).isEqualTo("2026-04 3 +0 +0 -0 -3 = 0");
        assertThat(row(balance(c, "2026-04", "2026-04").get(0))).isEqualTo("2026-04 2 +0 +4 -0 -0 = 6");
        // household B moved to A in June, within the township
        assertThat(row(balance(county + "001", "2026-06", "2026-06").get(0))).isEqualTo("2026-06 2 +0 +0 -1 -0 = 1");
    }

    @Test
    void aMonthCutByThePeriodCountsOnlyItsDaysInThePeriod() {
        recordSixMonths();
        List<JsonNode> months = balance(county, "2026-01-15", "2026-02-10");
        assertThat(months).extracting(PopulationBalanceApiTest::row).containsExactly(
                "2026-01 8 +0 +0 -0 -1 = 7",
                "2026-02 7 +0 +1 -0 -0 = 8");
    }

    @Test
    void aBalanceOfMoreThanTenYearsOrBackwardsIsRefused() {
        assertThat(fields(clerk.get("/api/dashboards/population-balance?areaCode=" + county
                + "&from=2000-01&to=2026-06").expect(400))).containsExactly("to");
        assertThat(fields(clerk.get("/api/dashboards/population-balance?areaCode=" + county
                + "&from=2026-06&to=2026-01").expect(400))).containsExactly("from");
        assertProblem(clerk.get("/api/dashboards/population-balance?areaCode=" + county
                + "&from=2026-1&to=2026-06").expect(400), "VALIDATION_FAILED");
    }
}
