package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.platform.test.Api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.HouseholdApiTest.fields;

/** The registers and ledgers of api.md over HTTP: floating population, check-ups, benefits, public notices. */
class LedgersApiTest extends CountyScenario {

    JsonNode read(String path) {
        return registry.get(clerk, path);
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    void recordFloatingPopulation() {
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.floatingHousehold(b, day("2020-01-01"));
        String r1 = registry.resident(hA, "Hu Bin", "MALE", day("1990-01-01"), "HEAD", day("2000-01-01"), null);
        registry.floating(hA, "Zhao Yi", "FEMALE", day("1996-01-01"), "OTHER", day("2026-02-01"), "Xinyang, Henan",
                day("2026-03-10"), null);
        String leaving = registry.floating(hA, "Qian Er", "MALE", day("1993-01-01"), "OTHER", day("2025-06-01"),
                "Fuyang, Anhui", day("2027-06-01"), null);
        registry.floating(hB, "Sun San", "MALE", day("1991-01-01"), "HEAD", day("2026-03-15"), "Ganzhou, Jiangxi",
                null, null);
        String r2 = registry.resident(hA, "Li Si", "FEMALE", day("1994-01-01"), "OTHER", day("2000-01-01"), null);
        registry.moveOut(r1, day("2026-02-20"), "Shenzhen, Guangdong");
        registry.moveOut(r2, day("2026-03-01"), "Beijing");
        registry.moveOut(leaving, day("2026-04-01"), "Fuyang, Anhui");
        registry.moveIn(r1, day("2026-05-05"), "Shenzhen, Guangdong");
    }

    String floating(String query) {
        return "/api/ledgers/floating-population?areaCode=" + county + "&" + query;
    }

    @Test
    void theFloatingRegisterListsWhoWasInItOnADayWithOriginAndCertificate() {
        recordFloatingPopulation();
        JsonNode march = read(floating("direction=IN&asOf=2026-03-01"));
        assertThat(march.get("total").asLong()).isEqualTo(2);
        assertThat(names(march)).containsExactlyInAnyOrder("Zhao Yi", "Qian Er");
        JsonNode zhao = entry(march, "Zhao Yi");
        assertThat(zhao.get("direction").asText()).isEqualTo("IN");
        assertThat(zhao.get("origin").asText()).isEqualTo("Xinyang, Henan");
        assertThat(zhao.get("since").asText()).isEqualTo("2026-02-01");
        assertThat(zhao.get("certificateExpiry").asText()).isEqualTo("2026-03-10");
        assertThat(zhao.get("certificateStatus").asText()).isEqualTo("EXPIRING");
        assertThat(zhao.get("communityCode").asText()).isEqualTo(a);
        JsonNode qian = entry(march, "Qian Er");
        assertThat(qian.get("certificateStatus").asText()).isEqualTo("VALID");
        assertThat(qian.get("until").asText()).isEqualTo("2026-04-01");
        assertThat(qian.get("destination").asText()).isEqualTo("Fuyang, Anhui");

        assertThat(names(read(floating("direction=IN&asOf=2026-03-20")))).containsExactlyInAnyOrder("Zhao Yi",
                "Qian Er", "Sun San");
        // the day a floating resident leaves, they are no longer in the register
        assertThat(names(read(floating("direction=IN&asOf=2026-04-01")))).containsExactlyInAnyOrder("Zhao Yi",
                "Sun San");
        assertThat(names(read("/api/ledgers/floating-population?areaCode=" + b + "&asOf=2026-04-01")))
                .containsExactly("Sun San");
    }

    @Test
    void analystsReadTheRegisterAndItsDrillDownsWithPersonalDataMasked() {
        recordFloatingPopulation();
        Api analyst = Api.at(port).as("analyst");

        JsonNode register = registry.get(analyst, floating("direction=IN&asOf=2026-03-01"));
        assertThat(register.get("total").asInt()).isPositive();
        register.get("items").forEach(item -> {
            assertThat(item.get("name").asText()).isEqualTo("***");
            assertThat(item.get("origin").asText()).isEqualTo("***");
            assertThat(item.get("personId").asText()).isNotEqualTo("***");
        });
        JsonNode births = registry.get(analyst, "/api/dashboards/indicators/populationEnd?areaCode=" + county
                + "&from=2026-01-01&to=2026-06-30");
        births.get("items").forEach(item -> assertThat(item.get("name").asText()).isEqualTo("***"));
        assertThat(names(read(floating("direction=IN&asOf=2026-03-01")))).doesNotContain("***");
    }

    @Test
    void expiredAndSoonExpiringCertificatesAreFiltered() {
        recordFloatingPopulation();
        assertThat(names(read(floating("asOf=2026-03-20&certificate=EXPIRED")))).containsExactly("Zhao Yi");
        assertThat(names(read(floating("asOf=2026-03-01&certificate=EXPIRING")))).containsExactly("Zhao Yi");
        assertThat(names(read(floating("asOf=2026-03-01&certificate=EXPIRING&expiringWithinDays=5")))).isEmpty();
        assertThat(names(read(floating("asOf=2026-03-20&certificate=NONE")))).containsExactly("Sun San");
        assertThat(names(read(floating("asOf=2026-03-20&certificate=VALID")))).containsExactly("Qian Er");
    }

    @Test
    void theOutflowListsResidentsLivingElsewhereWithTheirDestinationUntilTheyReturn() {
        recordFloatingPopulation();
        JsonNode march = read(floating("direction=OUT&asOf=2026-03-01"));
        assertThat(names(march)).containsExactlyInAnyOrder("Hu Bin", "Li Si");
        assertThat(entry(march, "Hu Bin").get("destination").asText()).isEqualTo("Shenzhen, Guangdong");
        assertThat(entry(march, "Hu Bin").get("since").asText()).isEqualTo("2026-02-20");
        assertThat(entry(march, "Hu Bin").get("until").asText()).isEqualTo("2026-05-05");
        assertThat(entry(march, "Li Si").get("until").isNull()).isTrue();
        assertThat(names(read(floating("direction=OUT&asOf=2026-05-05")))).containsExactly("Li Si");
        assertThat(names(read(floating("direction=OUT&asOf=2026-02-19")))).isEmpty();
    }

    @Test
    void overAPeriodTheRegisterListsWhoCameAndWhoLeftAsTheDashboardCountsThem() {
        recordFloatingPopulation();
        JsonNode in = read(floating("direction=IN&from=2026-01-01&to=2026-03-31"));
        assertThat(names(in)).containsExactlyInAnyOrder("Zhao Yi", "Sun San");
        JsonNode out = read(floating("direction=OUT&from=2026-01-01&to=2026-03-31"));
        assertThat(names(out)).containsExactlyInAnyOrder("Hu Bin", "Li Si");
        JsonNode dashboard = read("/api/dashboards/indicators?areaCode=" + county + "&from=2026-01-01&to=2026-03-31");
        assertThat(dashboard.at("/floating/movedIn").asLong()).isEqualTo(in.get("total").asLong());
        assertThat(dashboard.at("/floating/movedOut").asLong()).isEqualTo(out.get("total").asLong());
        assertThat(dashboard.at("/floating/floatingInAtEnd").asLong())
                .isEqualTo(read(floating("asOf=2026-03-31")).get("total").asLong());
    }

    @Test
    void theFloatingRegisterRefusesParametersThatDoNotGoTogether() {
        assertThat(fields(clerk.get(floating("asOf=2026-03-01&from=2026-01-01&to=2026-02-01")).expect(400)))
                .containsExactly("asOf");
        assertThat(fields(clerk.get(floating("direction=OUT&certificate=EXPIRED")).expect(400)))
                .containsExactly("certificate");
        assertThat(fields(clerk.get(floating("from=2026-01-01")).expect(400))).containsExactly("to");
        assertThat(fields(clerk.get(floating("direction=SIDEWAYS")).expect(400))).containsExactly("direction");
        Api.at(port).as("analyst").get(floating("asOf=2026-03-01")).expect(200);
        assertProblem(Api.at(port).as("village").get(floating("asOf=2026-03-01")).expect(403), "OUTSIDE_AREA_SCOPE");
    }

    @Test
    void theCheckUpLedgerCountsEligibleAndCheckedWomenAndListsThoseNotChecked() {
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.floatingHousehold(b, day("2020-01-01"));
        String checked = registry.resident(hA, "Wu Yi", "FEMALE", day("1990-01-01"), "HEAD", day("2000-01-01"),
                "MARRIED");
        String unchecked = registry.resident(hA, "Wu Er", "FEMALE", day("1985-03-03"), "OTHER", day("2000-01-01"),
                "MARRIED");
        registry.resident(hA, "Wu San", "FEMALE", day("1995-01-01"), "OTHER", day("2000-01-01"), null);
        String older = registry.resident(hA, "Wu Si", "FEMALE", day("1970-01-01"), "OTHER", day("2000-01-01"),
                "MARRIED");
        String floater = registry.floating(hB, "Zheng Wu", "FEMALE", day("1992-01-01"), "HEAD", day("2024-01-01"),
                "Henan", day("2027-01-01"), "MARRIED");
        registry.checkUp(checked, day("2026-02-02"));
        registry.checkUp(unchecked, day("2025-08-08"));
        registry.checkUp(older, day("2026-02-02"));
        registry.checkUp(floater, CheckUpType.PRE_PREGNANCY, day("2026-05-05"), RiskLevel.HIGH, day("2026-06-05"));

        JsonNode ledger = read("/api/ledgers/check-ups?areaCode=" + county + "&from=2026-01-01&to=2026-06-30");
        assertThat(ledger.get("eligible").asLong()).isEqualTo(3);
        assertThat(ledger.get("checked").asLong()).isEqualTo(2);
        assertThat(ledger.get("coverageRate").asText()).isEqualTo("66.7");
        JsonNode notChecked = ledger.get("notChecked");
        assertThat(notChecked.get("total").asLong()).isEqualTo(1);
        JsonNode wuEr = notChecked.get("items").get(0);
        assertThat(wuEr.get("name").asText()).isEqualTo("Wu Er");
        assertThat(wuEr.get("age").asInt()).isEqualTo(41);
        assertThat(wuEr.get("lastCheckUpOn").asText()).isEqualTo("2025-08-08");

        JsonNode dueFollowUps = read("/api/ledgers/check-ups/follow-ups?areaCode=" + county + "&asOf=2026-06-10");
        assertThat(dueFollowUps.get("total").asLong()).isEqualTo(1);
        JsonNode followUp = dueFollowUps.get("items").get(0);
        assertThat(followUp.get("name").asText()).isEqualTo("Zheng Wu");
        assertThat(followUp.get("followUpDue").asText()).isEqualTo("2026-06-05");
        assertThat(followUp.get("overdue").asBoolean()).isTrue();
        assertThat(read("/api/ledgers/check-ups/follow-ups?areaCode=" + county + "&asOf=2026-06-10&dueBy=2026-06-01")
                .get("total").asLong()).isZero();
        registry.checkUp(floater, CheckUpType.PRE_PREGNANCY, day("2026-06-07"), RiskLevel.LOW, null);
        assertThat(read("/api/ledgers/check-ups/follow-ups?areaCode=" + county + "&asOf=2026-06-10").get("total")
                .asLong()).isZero();
        assertThat(read("/api/ledgers/check-ups/follow-ups?areaCode=" + county + "&asOf=2026-06-06").get("total")
                .asLong()).isEqualTo(1);

        assertThat(fields(clerk.get("/api/ledgers/check-ups?areaCode=" + county + "&from=2026-07-01&to=2026-06-30")
                .expect(400))).containsExactly("from");
    }

    @Test
    void theBenefitLedgerTotalsPaymentsByPeriodAndProgrammeAndListsClaimsByStage() {
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.household(b, day("2000-01-01"));
        String monthly = registry.resident(hA, "Qin Yi", "FEMALE", day("1980-01-01"), "HEAD", day("2000-01-01"), null);
        String yearly = registry.resident(hB, "Qin Er", "MALE", day("1960-01-01"), "HEAD", day("2000-01-01"), null);
        String ended = registry.resident(hA, "Qin San", "MALE", day("1978-01-01"), "OTHER", day("2000-01-01"), null);
        String noticed = registry.resident(hA, "Qin Si", "FEMALE", day("1979-01-01"), "OTHER", day("2000-01-01"),
                null);
        String objected = registry.resident(hB, "Qin Wu", "MALE", day("1977-01-01"), "OTHER", day("2000-01-01"),
                null);
        String applied = registry.resident(hB, "Qin Liu", "MALE", day("1976-01-01"), "OTHER", day("2000-01-01"),
                null);

        String award = registry.grantedClaim(monthly, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-01-20"));
        registry.pay(monthly, award, "2026-01", "20", day("2026-01-25"));
        registry.pay(monthly, award, "2026-02", "20", day("2026-02-25"));
        String reward = registry.grantedClaim(yearly, Programme.RURAL_REWARD_SUPPORT, day("2026-02-01"));
        registry.pay(yearly, reward, "2026", "960", day("2026-02-15"));
        String old = registry.grantedClaim(ended, Programme.ONLY_CHILD_PARENT_AWARD, day("2025-06-01"));
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            registry.pay(ended, old, month, "20", LocalDate.parse(month + "-28"));
        }
        registry.endClaim(ended, old, EndReason.CHILD_TURNED_14, day("2026-03-31"));
        registry.claimOnNotice(noticed, Programme.SPECIAL_SUPPORT, day("2026-05-01"), Instant.now());
        String held = registry.claimOnNotice(objected, Programme.SPECIAL_SUPPORT, day("2026-05-01"), Instant.now());
        registry.objection(objected, held, day("2026-05-03"));
        registry.filedClaim(applied, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-05-02"));

        JsonNode february = read("/api/ledgers/benefit-payments?areaCode=" + county + "&period=2026-02");
        assertThat(names(february)).containsExactlyInAnyOrder("Qin Yi", "Qin San");
        assertThat(february.get("total").asLong()).isEqualTo(2);
        assertThat(february.at("/totals/recipients").asLong()).isEqualTo(2);
        assertThat(february.at("/totals/amount").asText()).isEqualTo("40.00");
        assertThat(february.get("items").get(0).get("amount").asText()).isEqualTo("20.00");
        // a year holds the payments of its months and its own: those of the periods that begin in it
        JsonNode year = read("/api/ledgers/benefit-payments?areaCode=" + county + "&period=2026");
        assertThat(year.get("total").asLong()).isEqualTo(6);
        assertThat(year.at("/totals/recipients").asLong()).isEqualTo(3);
        assertThat(year.at("/totals/amount").asText()).isEqualTo("1060.00");
        assertThat(year.at("/totals/byProgramme")).hasSize(2);
        assertThat(year.get("period").asText()).isEqualTo("2026");
        assertThat(year.get("from").asText()).isEqualTo("2026-01-01");
        assertThat(year.get("to").asText()).isEqualTo("2026-12-31");
        JsonNode all = read("/api/ledgers/benefit-payments?areaCode=" + county + "&from=2026-01-01&to=2026-12-31");
        assertThat(all.get("items")).isEqualTo(year.get("items"));
        assertThat(all.get("totals")).isEqualTo(year.get("totals"));
        JsonNode rural = read("/api/ledgers/benefit-payments?areaCode=" + county + "&period=2026"
                + "&programme=RURAL_REWARD_SUPPORT");
        assertThat(names(rural)).containsExactly("Qin Er");
        assertThat(rural.at("/totals/amount").asText()).isEqualTo("960.00");
        assertThat(read("/api/ledgers/benefit-payments?areaCode=" + b + "&from=2026-01-01&to=2026-12-31"
                + "&programme=RURAL_REWARD_SUPPORT").at("/totals/amount").asText()).isEqualTo("960.00");
        JsonNode dashboard = read("/api/dashboards/indicators?areaCode=" + county + "&from=2026-01-01&to=2026-12-31");
        assertThat(dashboard.at("/benefits/amountPaid").asText()).isEqualTo("1060.00");
        // Qin San's claim ended on 31 March: a recipient in a March report, not in a December one
        assertThat(dashboard.at("/benefits/recipients").asLong()).isEqualTo(2);
        assertThat(read("/api/dashboards/indicators?areaCode=" + county + "&from=2026-03-01&to=2026-03-30")
                .at("/benefits/recipients").asLong()).isEqualTo(3);

        JsonNode claims = read("/api/ledgers/benefit-claims?areaCode=" + county);
        assertThat(claims.get("total").asLong()).isEqualTo(6);
        assertThat(claims.at("/byStatus/GRANTED").asLong()).isEqualTo(2);
        assertThat(claims.at("/byStatus/ENDED").asLong()).isEqualTo(1);
        assertThat(claims.at("/byStatus/PUBLIC_NOTICE").asLong()).isEqualTo(1);
        assertThat(claims.at("/byStatus/OBJECTED").asLong()).isEqualTo(1);
        assertThat(claims.at("/byStatus/APPLIED").asLong()).isEqualTo(1);
        JsonNode granted = read("/api/ledgers/benefit-claims?areaCode=" + county + "&status=GRANTED");
        assertThat(names(granted)).containsExactlyInAnyOrder("Qin Yi", "Qin Er");
        assertThat(entry(granted, "Qin Yi").get("paidTotal").asText()).isEqualTo("40.00");

        assertThat(fields(clerk.get("/api/ledgers/benefit-payments?areaCode=" + county + "&period=2026-13")
                .expect(400))).containsExactly("period");
        assertThat(fields(clerk.get("/api/ledgers/benefit-payments?areaCode=" + county).expect(400)))
                .containsExactly("period");
    }

    @Test
    void thePublicNoticeBoardMasksNamesAndIdsForEveryReader() {
        String home = registry.household(a, day("2000-01-01"));
        String claimant = registry.resident(home, "Wang Xiaoming", "MALE", day("1975-01-01"), "HEAD",
                day("2000-01-01"), null);
        String other = registry.resident(home, "Li Hong", "FEMALE", day("1976-01-01"), "SPOUSE", day("2000-01-01"),
                null);
        registry.claimOnNotice(claimant, Programme.SPECIAL_SUPPORT, day("2026-05-01"), Instant.now());
        String held = registry.claimOnNotice(other, Programme.SPECIAL_SUPPORT, day("2026-05-01"), Instant.now());
        registry.objection(other, held, day("2026-05-02"));
        registry.filedClaim(other, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-05-03"));
        // the person index is read straight from its table: wait until it has handled the registration
        String id = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT national_id FROM person_index WHERE person_id = ?::uuid", String.class, claimant),
                rows -> !rows.isEmpty()).get(0);

        for (String reader : List.of("clerk", "auditor", "analyst", "admin")) {
            JsonNode board = registry.get(Api.at(port).as(reader), "/api/public-notices?areaCode=" + county);
            assertThat(board.get("total").asLong()).isEqualTo(2);
            List<String> shown = new ArrayList<>();
            board.get("items").forEach(item -> shown.add(item.get("name").asText() + " "
                    + item.get("nationalId").asText() + " " + item.get("status").asText()));
            assertThat(shown).containsExactlyInAnyOrder(
                    "W* " + id.substring(0, 6) + "***********" + id.charAt(17) + " PUBLIC_NOTICE",
                    "L* " + shown.stream().filter(row -> row.startsWith("L*")).findFirst().orElseThrow().split(" ")[1]
                            + " OBJECTED");
            assertThat(board.toString()).doesNotContain("Wang Xiaoming").doesNotContain(id);
        }
    }

    static JsonNode entry(JsonNode page, String name) {
        for (JsonNode item : page.get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + page);
    }
}
