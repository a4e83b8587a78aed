package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.Programme;
import org.registry.platform.test.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.HouseholdApiTest.fields;

/** {@code /api/dashboards/indicators} and its drill-downs over HTTP: the figures of api.md for a small county. */
class DashboardApiTest extends CountyScenario {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-06-30");

    String motherId;

    /**
     * Community A and B in township 001, C in township 002. Over [2026-01-01, 2026-06-30]: two births (a boy, the
     * mother's second child; a girl, a first child), two deaths (one on the first day), a floating resident arriving,
     * a resident moving away, a transfer from A to C, a marriage, check-ups and a benefit.
     */
    void recordTheCounty() {
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.household(b, day("2000-01-01"));
        String hC = registry.household(c, day("2000-01-01"));
        String father = registry.marriedHead(hA, "Wang Gang", "MALE", day("1988-02-02"));
        motherId = registry.resident(hA, "Chen Mei", "FEMALE", day("1990-05-05"), "SPOUSE", day("2010-01-01"),
                "MARRIED");
        String old = registry.resident(hA, "Liu Lao", "MALE", day("1940-03-03"), "PARENT", day("2000-01-01"), null);
        String older = registry.resident(hA, "Liu Laolao", "FEMALE", day("1930-03-03"), "PARENT",
                day("2000-01-01"), null);
        String leaver = registry.resident(hA, "Wang Zou", "MALE", day("1995-07-07"), "OTHER", day("2005-01-01"),
                null);
        String transferred = registry.resident(hA, "Zhou Yi", "FEMALE", day("1970-08-08"), "OTHER",
                day("2005-01-01"), "MARRIED");
        registry.born(motherId, hA, "Wang Er", "FEMALE", day("2020-01-01"));
        String bride = registry.resident(hC, "Sun Li", "FEMALE", day("1985-09-09"), "HEAD", day("2005-01-01"), null);
        registry.resident(hB, "Ma Xin", "MALE", day("1980-01-01"), "HEAD", FROM, null);
        String floater = registry.floating(hB, "Zhao Lei", "FEMALE", day("2000-01-01"), "OTHER", day("2026-02-01"),
                "Xinyang, Henan", day("2026-07-15"), null);

        registry.death(older, FROM);
        registry.born(motherId, hA, "Wang San", "MALE", day("2026-01-15"));
        registry.marry(bride, day("2026-02-14"));
        registry.death(old, day("2026-03-10"));
        registry.moveOut(leaver, day("2026-04-01"), "Shenzhen, Guangdong");
        registry.transfer(transferred, hC, day("2026-05-01"));
        registry.born(bride, hC, "Sun Xiao", "FEMALE", day("2026-05-20"));

        registry.checkUp(motherId, day("2026-03-03"));
        registry.checkUp(bride, day("2025-12-01"));
        String claim = registry.grantedClaim(father, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-02-01"));
        registry.pay(father, claim, "2026-02", "20", day("2026-02-10"));
        registry.pay(father, claim, "2026-03", "20", day("2026-03-10"));
        assertThat(floater).isNotNull();
    }

    JsonNode indicators(String area) {
        return registry.get(clerk, "/api/dashboards/indicators?areaCode=" + area + "&from=" + FROM + "&to=" + TO);
    }

    JsonNode figure(String name, String area) {
        return registry.get(clerk, "/api/dashboards/indicators/" + name + "?areaCode=" + area + "&from=" + FROM
                + "&to=" + TO + "&size=500");
    }

    @Test
    void theIndicatorsOfACountyAreCountedByTheDayEachFactHappened() {
        recordTheCounty();
        JsonNode figures = indicators(county);

        assertThat(figures.get("areaCode").asText()).isEqualTo(county);
        assertThat(figures.get("from").asText()).isEqualTo("2026-01-01");
        assertThat(figures.get("to").asText()).isEqualTo("2026-06-30");
        // on the first day: the resident registered that day counts, the one who died that day no longer does
        assertThat(figures.at("/population/start").asLong()).isEqualTo(8);
        assertThat(figures.at("/population/end").asLong()).isEqualTo(9);
        assertThat(figures.at("/population/mean").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(figures.get("households").asLong()).isEqualTo(3);
        assertThat(figures.at("/births/total").asLong()).isEqualTo(2);
        assertThat(figures.at("/births/male").asLong()).isEqualTo(1);
        assertThat(figures.at("/births/female").asLong()).isEqualTo(1);
        assertThat(figures.at("/births/byOrder/1").asLong()).isEqualTo(1);
        assertThat(figures.at("/births/byOrder/2").asLong()).isEqualTo(1);
        assertThat(figures.at("/births/byOrder/3+").asLong()).isZero();
        assertThat(figures.get("deaths").asLong()).isEqualTo(2);
        assertThat(figures.at("/sexRatioAtBirth/value").asText()).isEqualTo("100.0");
        assertThat(figures.at("/sexRatioAtBirth/male").asLong()).isEqualTo(1);
        assertThat(figures.at("/sexRatioAtBirth/female").asLong()).isEqualTo(1);
        // 2 births in a mean population of 8.5: 235.294...‰
        assertThat(figures.at("/birthRatePerMille/value").asText()).isEqualTo("235.3");
        assertThat(figures.at("/birthRatePerMille/births").asLong()).isEqualTo(2);
        assertThat(figures.at("/birthRatePerMille/meanPopulation").asText()).isEqualTo("8.5");
        assertThat(figures.at("/deathRatePerMille/value").asText()).isEqualTo("235.3");
        assertThat(figures.at("/deathRatePerMille/deaths").asLong()).isEqualTo(2);
        assertThat(figures.at("/naturalGrowthRatePerMille/value").asText()).isEqualTo("0.0");
        assertThat(figures.at("/floating/movedIn").asLong()).isEqualTo(1);
        assertThat(figures.at("/floating/movedOut").asLong()).isEqualTo(1);
        assertThat(figures.at("/floating/floatingInAtEnd").asLong()).isEqualTo(1);
        assertThat(figures.at("/womenOfChildbearingAge/total").asLong()).isEqualTo(3);
        assertThat(figures.at("/womenOfChildbearingAge/married").asLong()).isEqualTo(2);
        assertThat(figures.at("/checkUpCoverage/value").asText()).isEqualTo("50.0");
        assertThat(figures.at("/checkUpCoverage/checked").asLong()).isEqualTo(1);
        assertThat(figures.at("/checkUpCoverage/eligible").asLong()).isEqualTo(2);
        assertThat(figures.at("/benefits/recipients").asLong()).isEqualTo(1);
        assertThat(figures.at("/benefits/amountPaid").isTextual()).isTrue();
        assertThat(figures.at("/benefits/amountPaid").asText()).isEqualTo("40.00");
        assertThat(figures.at("/benefits/byProgramme/ONLY_CHILD_PARENT_AWARD/amountPaid").asText())
                .isEqualTo("40.00");
    }

    @Test
    void theAnswerHasExactlyTheFieldsOfApiMd() {
        recordTheCounty();
        JsonNode figures = indicators(county);

        assertThat(names(figures)).containsExactly("areaCode", "from", "to", "knownAt", "population", "households",
                "births", "deaths", "sexRatioAtBirth", "birthRatePerMille", "deathRatePerMille",
                "naturalGrowthRatePerMille", "floating", "womenOfChildbearingAge", "checkUpCoverage", "benefits");
        assertThat(names(figures.get("population"))).containsExactly("start", "end", "mean");
        assertThat(names(figures.get("births"))).containsExactly("total", "male", "female", "byOrder");
        assertThat(names(figures.at("/births/byOrder"))).containsExactly("1", "2", "3+");
        assertThat(names(figures.get("sexRatioAtBirth"))).containsExactly("value", "male", "female");
        assertThat(names(figures.get("birthRatePerMille"))).containsExactly("value", "births", "meanPopulation");
        assertThat(names(figures.get("deathRatePerMille"))).containsExactly("value", "deaths", "meanPopulation");
        assertThat(names(figures.get("naturalGrowthRatePerMille")))
                .containsExactly("value", "births", "deaths", "meanPopulation");
        assertThat(names(figures.get("floating"))).containsExactly("movedIn", "movedOut", "floatingInAtEnd");
        assertThat(names(figures.get("womenOfChildbearingAge"))).containsExactly("total", "married");
        assertThat(names(figures.get("checkUpCoverage"))).containsExactly("value", "checked", "eligible");
        assertThat(names(figures.get("benefits"))).containsExactly("recipients", "amountPaid", "byProgramme");
        assertThat(figures.get("knownAt").isNull()).isTrue();
        assertThat(figures.at("/population/mean").isNumber()).isTrue();
        assertThat(figures.at("/sexRatioAtBirth/value").isNumber()).isTrue();
    }

    @Test
    void ratesOfAnAreaWithNobodyAreNullAndItsCountsZero() {
        JsonNode figures = registry.get(clerk, "/api/dashboards/indicators?areaCode=" + county
                + "&from=2026-01-01&to=2026-12-31");
        assertThat(figures.at("/population/mean").asText()).isEqualTo("0.0");
        assertThat(figures.at("/sexRatioAtBirth/value").isNull()).isTrue();
        assertThat(figures.at("/birthRatePerMille/value").isNull()).isTrue();
        assertThat(figures.at("/deathRatePerMille/value").isNull()).isTrue();
        assertThat(figures.at("/naturalGrowthRatePerMille/value").isNull()).isTrue();
        assertThat(figures.at("/checkUpCoverage/value").isNull()).isTrue();
        assertThat(figures.at("/benefits/amountPaid").asText()).isEqualTo("0.00");
    }

    @Test
    void everyLevelOfAreaCountsItsOwnPeopleAndATransferBetweenTownshipsMovesThem() {
        recordTheCounty();
        String township = county + "001";
        JsonNode community = indicators(a);
        assertThat(community.at("/population/start").asLong()).isEqualTo(6);
        // the transfer to C took Zhou Yi out of A (and out of the township); the new-born came in
        assertThat(community.at("/population/end").asLong()).isEqualTo(4);
        JsonNode ofTownship = indicators(township);
        assertThat(ofTownship.at("/population/start").asLong()).isEqualTo(7);
        assertThat(ofTownship.at("/population/end").asLong()).isEqualTo(6);
        assertThat(ofTownship.at("/floating/movedIn").asLong()).isEqualTo(1);
        JsonNode ofC = indicators(c);
        assertThat(ofC.at("/population/start").asLong()).isEqualTo(1);
        assertThat(ofC.at("/population/end").asLong()).isEqualTo(3);
        JsonNode province = indicators(county.substring(0, 2));
        assertThat(province.at("/population/end").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(indicators(county.substring(0, 4)).at("/population/end").asLong()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void theBirthsDrillDownListsEachBirthWithItsOrderAndTheTotalIsTheFigure() {
        recordTheCounty();
        JsonNode births = figure("births", county);
        assertThat(births.get("total").asLong()).isEqualTo(2);
        assertThat(births.get("items")).hasSize(2);
        List<String> rows = new ArrayList<>();
        births.get("items").forEach(row -> rows.add(row.get("name").asText() + " " + row.get("sex").asText() + " "
                + row.get("date").asText() + " " + row.get("birthOrder").asInt()));
        assertThat(rows).containsExactlyInAnyOrder("Wang San MALE 2026-01-15 2", "Sun Xiao FEMALE 2026-05-20 1");

        JsonNode deaths = figure("deaths", county);
        assertThat(deaths.get("total").asLong()).isEqualTo(2);
        List<String> dead = new ArrayList<>();
        deaths.get("items").forEach(row -> dead.add(row.get("name").asText() + " " + row.get("date").asText()));
        assertThat(dead).containsExactlyInAnyOrder("Liu Laolao 2026-01-01", "Liu Lao 2026-03-10");

        assertThat(figure("populationStart", county).get("total").asLong()).isEqualTo(8);
        assertThat(figure("checkUpNotChecked", county).get("items").get(0).get("name").asText()).isEqualTo("Sun Li");
        assertThat(figure("payments", county).get("items")).hasSize(2);
        assertThat(figure("payments", county).get("items").get(0).get("amount").asText()).isEqualTo("20.00");
        assertThat(figure("movedOut", county).get("items").get(0).get("destination").asText())
                .isEqualTo("Shenzhen, Guangdong");
        assertThat(figure("households", county).get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aFigureOfResidentsNarrowsToOneSexAndAgeBandAsThePyramidCountsThem() {
        recordTheCounty();
        String period = "?areaCode=" + county + "&from=" + FROM + "&to=" + TO + "&size=500";
        JsonNode living = registry.get(clerk, "/api/dashboards/indicators/populationEnd" + period);
        assertThat(living.get("total").asLong()).isGreaterThan(5);
        int[][] bands = {{0, 4}, {5, 9}, {25, 29}, {30, 34}, {35, 39}, {40, 44}, {85, -1}};
        long narrowed = 0;
        for (String sex : List.of("MALE", "FEMALE")) {
            for (int[] band : bands) {
                String ages = "&ageFrom=" + band[0] + (band[1] < 0 ? "" : "&ageTo=" + band[1]);
                JsonNode list = registry.get(clerk, "/api/dashboards/indicators/populationEnd" + period + "&sex="
                        + sex + ages);
                List<String> expected = new ArrayList<>();
                for (JsonNode person : living.get("items")) {
                    int age = java.time.Period.between(LocalDate.parse(person.get("birthDate").asText()), TO).getYears();
                    if (person.get("sex").asText().equals(sex) && age >= band[0] && (band[1] < 0 || age <= band[1])) {
                        expected.add(person.get("personId").asText());
                    }
                }
                assertThat(list.get("items").findValuesAsText("personId")).as(sex + ages)
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(list.get("total").asLong()).as(sex + ages).isEqualTo(expected.size());
                narrowed += expected.size();
            }
        }
        assertThat(narrowed).as("the bands asked for are not all empty").isGreaterThan(3);
        // one sex alone, and ages alone
        assertThat(registry.get(clerk, "/api/dashboards/indicators/births" + period + "&sex=FEMALE")
                .get("items").findValuesAsText("name")).containsExactly("Sun Xiao");
        assertThat(registry.get(clerk, "/api/dashboards/indicators/populationEnd" + period + "&ageFrom=50")
                .get("items").findValuesAsText("name")).containsExactly("Zhou Yi");
    }

    @Test
    void aSexOrAgeFilterThatCannotApplyIsRefusedNamingTheField() {
        String period = "?areaCode=" + county + "&from=" + FROM + "&to=" + TO;
        String living = "/api/dashboards/indicators/populationEnd" + period;
        Api.Response negative = clerk.get(living + "&ageFrom=-1").expect(400);
        assertProblem(negative, "VALIDATION_FAILED");
        assertThat(fields(negative)).containsExactly("ageFrom");
        assertThat(fields(clerk.get(living + "&ageFrom=40&ageTo=30").expect(400))).containsExactly("ageTo");
        assertThat(fields(clerk.get(living + "&sex=OTHER").expect(400))).containsExactly("sex");
        assertThat(fields(clerk.get("/api/dashboards/indicators/movedIn" + period + "&sex=MALE").expect(400)))
                .containsExactly("sex");
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Api.Response backwards = clerk.get("/api/dashboards/indicators?areaCode=" + county
                + "&from=2026-02-01&to=2026-01-01").expect(400);
        assertProblem(backwards, "VALIDATION_FAILED");
        assertThat(fields(backwards)).containsExactly("from");
        assertThat(fields(clerk.get("/api/dashboards/indicators?from=2026-01-01&to=2026-02-01").expect(400)))
                .containsExactly("areaCode");
        assertThat(fields(clerk.get("/api/dashboards/indicators?areaCode=" + county + "&to=2026-02-01").expect(400)))
                .containsExactly("from");
        assertThat(fields(clerk.get("/api/dashboards/indicators?areaCode=" + county
                + "&from=2026-13-01&to=2026-02-01").expect(400))).containsExactly("from");
        assertProblem(clerk.get("/api/dashboards/indicators?areaCode=34010&from=2026-01-01&to=2026-02-01")
                .expect(400), "AREA_CODE_INVALID");
        assertThat(fields(clerk.get("/api/dashboards/indicators?areaCode=" + county
                + "&from=2026-01-01&to=2026-02-01&knownAt=yesterday").expect(400))).containsExactly("knownAt");
        Api.Response unknown = clerk.get("/api/dashboards/indicators/marriages?areaCode=" + county
                + "&from=2026-01-01&to=2026-02-01").expect(404);
        assertProblem(unknown, "FIGURE_NOT_FOUND");
        assertThat(fields(unknown)).containsExactly("figure");
    }

    @Test
    void clerksReadTheirOwnAreasAndAnalystsAndAuditorsEveryArea() {
        String path = "/api/dashboards/indicators?areaCode=" + county + "&from=2026-01-01&to=2026-02-01";
        assertProblem(Api.at(port).as("village").get(path).expect(403), "OUTSIDE_AREA_SCOPE");
        Api.at(port).as("village").get("/api/dashboards/indicators?areaCode=330106001001&from=2026-01-01"
                + "&to=2026-02-01").expect(200);
        Api.at(port).as("analyst").get(path).expect(200);
        Api.at(port).as("auditor").get(path).expect(200);
        Api.at(port).as("admin").get(path).expect(200);
        Api.at(port).get(path).expect(401);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
