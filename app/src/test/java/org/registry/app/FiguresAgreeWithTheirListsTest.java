package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 帐、卡、册统一: for a generated county with a varied population (births with earlier siblings and twins, deaths,
 * moves away and back, floating residents coming and going, transfers, relocations, marriages, late registrations,
 * check-ups, benefits), every figure of the dashboard equals the length of its drill-down list and the rows of the
 * ledger it summarises, for the county, its townships and its communities.
 */
class FiguresAgreeWithTheirListsTest extends CountyScenario {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-09-30");

    /** The drill-down of each count, and where the dashboard shows it. */
    static final Map<String, String> FIGURES = new LinkedHashMap<>(DASHBOARD_FIGURES);

    static {
        FIGURES.put("womenOfChildbearingAge", "/womenOfChildbearingAge/total");
        FIGURES.put("marriedWomenOfChildbearingAge", "/womenOfChildbearingAge/married");
    }

    /** A generated county, built forward in time so that every fact is one the register accepts. */
    static final class County {

        final Random random = new Random(20260101L);
        final Registry registry;
        final String code = Registry.freshCounty();
        final List<String> communities = List.of(code + "001001", code + "001002", code + "002001", code + "002002");
        final List<Household> households = new ArrayList<>();
        final List<Person> people = new ArrayList<>();
        int names;

        County(Registry registry) {
            this.registry = registry;
        }

        record Household(String id, String[] community) {
        }

        static final class Person {
            String id;
            String name;
            String sex;
            LocalDate birthDate;
            Household household;
            String residency;
            boolean married;
            LocalDate lastBirth;
            boolean keep;

            boolean living() {
                return "PERMANENT".equals(residency) || "FLOATING_IN".equals(residency);
            }

            int age(LocalDate day) {
                return Period.between(birthDate, day).getYears();
            }
        }

        String name() {
            return "Person " + (++names);
        }

        LocalDate randomDay(LocalDate from, LocalDate to) {
            return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        }

        <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        Person register(Household household, String sex, LocalDate birthDate, String residency, LocalDate since,
                        boolean married, boolean head, boolean withOrigin) {
            Person person = new Person();
            person.name = name();
            person.sex = sex;
            person.birthDate = birthDate;
            person.household = household;
            person.residency = residency;
            person.married = married;
            String relation = head ? "HEAD" : "OTHER";
            if ("FLOATING_IN".equals(residency)) {
                LocalDate expiry = random.nextInt(4) == 0 ? null : randomDay(LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2027-12-31"));
                person.id = registry.floating(household.id(), person.name, sex, birthDate, relation, since, "Henan",
                        expiry, married ? "MARRIED" : null);
            } else if (withOrigin) {
                person.id = registry.arrival(household.id(), person.name, sex, birthDate, relation, since, "Hunan");
                if (married) {
                    registry.marry(person.id, since);
                }
            } else {
                person.id = registry.resident(household.id(), person.name, sex, birthDate, relation, since,
                        married ? "MARRIED" : null);
            }
            people.add(person);
            return person;
        }

        Person birth(Person mother, LocalDate day) {
            Person child = new Person();
            child.name = name();
            child.sex = random.nextBoolean() ? "MALE" : "FEMALE";
            child.birthDate = day;
            child.household = mother.household;
            child.residency = "FLOATING_IN".equals(mother.residency) ? "FLOATING_IN" : "PERMANENT";
            child.id = registry.born(mother.id, mother.household.id(), child.name, child.sex, day);
            mother.lastBirth = day;
            people.add(child);
            return child;
        }

        void build() {
            for (String community : communities) {
                for (int i = 0; i < 3; i++) {
                    boolean floatingHousehold = i == 2;
                    String id = floatingHousehold ? registry.floatingHousehold(community, LocalDate.parse("2015-01-01"))
                            : registry.household(community, LocalDate.parse("2000-01-01"));
                    households.add(new Household(id, new String[] {community}));
                }
            }
            for (Household household : households) {
                int members = 3 + random.nextInt(4);
                for (int i = 0; i < members; i++) {
                    String sex = random.nextBoolean() ? "MALE" : "FEMALE";
                    LocalDate birthDate = randomDay(LocalDate.parse("1940-01-01"), LocalDate.parse("2012-12-31"));
                    boolean adult = birthDate.isBefore(LocalDate.parse("2004-01-01"));
                    String residency = random.nextInt(5) == 0 ? "FLOATING_IN" : "PERMANENT";
                    LocalDate since = randomDay(birthDate.isAfter(LocalDate.parse("2000-01-01")) ? birthDate
                            : LocalDate.parse("2000-01-01"), LocalDate.parse("2025-12-31"));
                    register(household, sex, birthDate, residency, since, adult && random.nextInt(3) > 0, i == 0,
                            "PERMANENT".equals(residency) && random.nextInt(4) == 0);
                }
            }
            // earlier children, and twins, so that births of 2026 have orders 1, 2 and 3+
            List<Person> mothers = people.stream().filter(p -> "FEMALE".equals(p.sex)
                    && p.birthDate.isAfter(LocalDate.parse("1982-01-01"))
                    && p.birthDate.isBefore(LocalDate.parse("1998-01-01"))).toList();
            for (Person mother : mothers) {
                int children = random.nextInt(3);
                LocalDate day = mother.birthDate.plusYears(20);
                for (int i = 0; i < children && day.isBefore(LocalDate.parse("2025-06-01")); i++) {
                    birth(mother, day);
                    if (i == 0 && mother == mothers.get(0)) {
                        birth(mother, day);
                    }
                    day = day.plusDays(400 + random.nextInt(600));
                }
            }
            // benefits of residents who stay put: monthly awards paid on the 15th, one ended in June, a yearly reward
            List<Person> claimants = people.stream().filter(p -> p.living() && p.age(FROM) > 30).limit(5).toList();
            for (int i = 0; i < claimants.size(); i++) {
                Person claimant = claimants.get(i);
                claimant.keep = true;
                if (i == 4) {
                    String claim = registry.grantedClaim(claimant.id, Programme.RURAL_REWARD_SUPPORT,
                            LocalDate.parse("2025-12-01"));
                    registry.pay(claimant.id, claim, "2026", "960", LocalDate.parse("2026-02-15"));
                    continue;
                }
                String claim = registry.grantedClaim(claimant.id, Programme.ONLY_CHILD_PARENT_AWARD,
                        LocalDate.parse("2025-11-01").plusMonths(i));
                YearMonth last = i == 1 ? YearMonth.parse("2026-06") : YearMonth.parse("2026-09");
                for (YearMonth month = YearMonth.parse("2026-01"); !month.isAfter(last); month = month.plusMonths(1)) {
                    registry.pay(claimant.id, claim, month.toString(), "20", month.atDay(15));
                }
                if (i == 1) {
                    registry.endClaim(claimant.id, claim, EndReason.CHILD_TURNED_14, LocalDate.parse("2026-06-30"));
                }
            }
            registry.claimOnNotice(claimants.get(0).id, Programme.SPECIAL_SUPPORT, LocalDate.parse("2026-09-01"),
                    java.time.Instant.now());
            simulate();
        }

        /** Eighty days of 2026, one fact each, in the order of the days. */
        void simulate() {
            TreeSet<LocalDate> days = new TreeSet<>();
            while (days.size() < 80) {
                days.add(randomDay(FROM.plusDays(1), TO));
            }
            days.add(FROM);
            days.add(TO);
            for (LocalDate day : days) {
                for (int attempt = 0; attempt < 10 && !act(day); attempt++) {
                    // another kind of fact when none of this kind is possible today
                }
            }
        }

        boolean act(LocalDate day) {
            int kind = random.nextInt(10);
            switch (kind) {
                case 0, 1 -> {
                    List<Person> mothers = candidates(p -> p.living() && "FEMALE".equals(p.sex) && p.age(day) >= 18
                            && p.age(day) <= 44 && (p.lastBirth == null || p.lastBirth.plusDays(200).isBefore(day)));
                    if (mothers.isEmpty()) {
                        return false;
                    }
                    birth(any(mothers), day);
                }
                case 2 -> {
                    List<Person> dying = candidates(p -> (p.living() || p.household != null) && !p.keep
                            && !"DECEASED".equals(p.residency));
                    if (dying.isEmpty()) {
                        return false;
                    }
                    Person person = any(dying);
                    registry.death(person.id, day);
                    person.residency = "DECEASED";
                    person.household = null;
                }
                case 3 -> {
                    List<Person> leaving = candidates(p -> p.living() && !p.keep);
                    if (leaving.isEmpty()) {
                        return false;
                    }
                    Person person = any(leaving);
                    registry.moveOut(person.id, day, "Guangzhou");
                    if ("FLOATING_IN".equals(person.residency)) {
                        person.household = null;
                    }
                    person.residency = "MOVED_OUT";
                }
                case 4 -> {
                    List<Person> returning = candidates(p -> "MOVED_OUT".equals(p.residency) && p.household != null);
                    if (returning.isEmpty()) {
                        return false;
                    }
                    Person person = any(returning);
                    registry.moveIn(person.id, day, "Guangzhou");
                    person.residency = "PERMANENT";
                }
                case 5 -> {
                    List<Person> moving = candidates(p -> p.living() && p.household != null);
                    if (moving.isEmpty()) {
                        return false;
                    }
                    Person person = any(moving);
                    Household to = any(households);
                    if (to == person.household) {
                        return false;
                    }
                    registry.transfer(person.id, to.id(), day);
                    person.household = to;
                }
                case 6 -> {
                    Household household = any(households);
                    String community = any(communities);
                    if (community.equals(household.community()[0])) {
                        return false;
                    }
                    registry.relocate(household.id(), community, day);
                    household.community()[0] = community;
                }
                case 7 -> {
                    List<Person> single = candidates(p -> p.living() && !p.married && p.age(day) >= 20
                            && p.age(day) <= 45);
                    if (single.isEmpty()) {
                        return false;
                    }
                    Person person = any(single);
                    registry.marry(person.id, day);
                    person.married = true;
                }
                case 8 -> {
                    Household household = any(households);
                    int choice = random.nextInt(3);
                    register(household, random.nextBoolean() ? "MALE" : "FEMALE",
                            randomDay(LocalDate.parse("1960-01-01"), LocalDate.parse("2005-12-31")),
                            choice == 0 ? "FLOATING_IN" : "PERMANENT", day, random.nextBoolean(), false, choice == 1);
                }
                default -> {
                    List<Person> women = candidates(p -> p.living() && "FEMALE".equals(p.sex) && p.married
                            && p.age(day) >= 15 && p.age(day) <= 49);
                    if (women.isEmpty()) {
                        return false;
                    }
                    Person woman = any(women);
                    if (random.nextInt(4) == 0) {
                        registry.checkUp(woman.id, CheckUpType.PRE_PREGNANCY, day, RiskLevel.HIGH, day.plusDays(30));
                    } else {
                        registry.checkUp(woman.id, day);
                    }
                }
            }
            return true;
        }

        List<Person> candidates(Predicate<Person> which) {
            return people.stream().filter(which).toList();
        }
    }

    @Test
    void everyFigureEqualsTheLengthOfItsListAndTheRowsOfItsLedgerAtEveryLevel() {
        County county = new County(registry);
        county.build();

        List<String> areas = new ArrayList<>(List.of(county.code, county.code + "001", county.code + "002"));
        areas.addAll(county.communities);
        for (String area : areas) {
            String period = "areaCode=" + area + "&from=" + FROM + "&to=" + TO;
            JsonNode dashboard = registry.get(clerk, "/api/dashboards/indicators?" + period);
            for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                JsonNode list = registry.get(clerk, "/api/dashboards/indicators/" + figure.getKey() + "?" + period
                        + "&size=500");
                long value = dashboard.at(figure.getValue()).asLong();
                assertThat(list.get("total").asLong()).as(area + " " + figure.getKey()).isEqualTo(value);
                assertThat(list.get("items")).as(area + " " + figure.getKey()).hasSize((int) value);
            }
            long eligible = dashboard.at("/checkUpCoverage/eligible").asLong();
            long checked = dashboard.at("/checkUpCoverage/checked").asLong();
            assertThat(registry.get(clerk, "/api/dashboards/indicators/checkUpNotChecked?" + period + "&size=500")
                    .get("items")).as(area).hasSize((int) (eligible - checked));
            JsonNode births = dashboard.get("births");
            assertThat(births.at("/byOrder/1").asLong() + births.at("/byOrder/2").asLong()
                    + births.at("/byOrder/3+").asLong()).as(area).isEqualTo(births.get("total").asLong());
            assertThat(births.get("male").asLong() + births.get("female").asLong()).isEqualTo(
                    births.get("total").asLong());
            assertThat(dashboard.at("/womenOfChildbearingAge/married").asLong()).isEqualTo(eligible);

            // the payments behind the amount paid, and the benefit ledger's rows and totals
            JsonNode payments = registry.get(clerk, "/api/dashboards/indicators/payments?" + period + "&size=500");
            BigDecimal listed = BigDecimal.ZERO;
            for (JsonNode payment : payments.get("items")) {
                listed = listed.add(new BigDecimal(payment.get("amount").asText()));
            }
            assertThat(listed.setScale(2).toPlainString()).as(area)
                    .isEqualTo(dashboard.at("/benefits/amountPaid").asText());
            JsonNode ledger = registry.get(clerk, "/api/ledgers/benefit-payments?" + period + "&size=500");
            assertThat(ledger.get("total").asLong()).as(area).isEqualTo(payments.get("total").asLong());
            assertThat(ledger.get("items")).hasSize(payments.get("items").size());
            assertThat(ledger.at("/totals/amount").asText()).isEqualTo(dashboard.at("/benefits/amountPaid").asText());
            assertThat(registry.get(clerk, "/api/ledgers/benefit-claims?areaCode=" + area + "&status=GRANTED")
                    .get("total").asLong()).as(area).isEqualTo(dashboard.at("/benefits/recipients").asLong());

            // the check-up ledger
            JsonNode checkUps = registry.get(clerk, "/api/ledgers/check-ups?" + period + "&size=500");
            assertThat(checkUps.get("eligible").asLong()).as(area).isEqualTo(eligible);
            assertThat(checkUps.get("checked").asLong()).as(area).isEqualTo(checked);
            assertThat(checkUps.at("/notChecked/total").asLong()).isEqualTo(eligible - checked);
            assertThat(checkUps.at("/notChecked/items")).hasSize((int) (eligible - checked));
            assertThat(checkUps.get("coverageRate").toString())
                    .isEqualTo(dashboard.at("/checkUpCoverage/value").toString());

            // the floating-population register
            String floating = "/api/ledgers/floating-population?areaCode=" + area + "&size=500";
            assertThat(registry.get(clerk, floating + "&direction=IN&from=" + FROM + "&to=" + TO).get("items"))
                    .as(area).hasSize((int) dashboard.at("/floating/movedIn").asLong());
            assertThat(registry.get(clerk, floating + "&direction=OUT&from=" + FROM + "&to=" + TO).get("items"))
                    .as(area).hasSize((int) dashboard.at("/floating/movedOut").asLong());
            assertThat(registry.get(clerk, floating + "&direction=IN&asOf=" + TO).get("items"))
                    .as(area).hasSize((int) dashboard.at("/floating/floatingInAtEnd").asLong());

            // the household register and the person index, which are other projections: nothing happened after TO
            assertThat(registry.get(clerk, "/api/households?areaCode=" + area + "&size=500").get("total").asLong())
                    .as(area).isEqualTo(dashboard.get("households").asLong());
            long permanent = registry.get(clerk, "/api/persons?residency=PERMANENT&areaCode=" + area).get("total")
                    .asLong();
            long floatingIn = registry.get(clerk, "/api/persons?residency=FLOATING_IN&areaCode=" + area).get("total")
                    .asLong();
            assertThat(permanent + floatingIn).as(area).isEqualTo(dashboard.at("/population/end").asLong());

            // the monthly balance adds up to the period's moves and ends at the population on TO
            JsonNode balance = registry.get(clerk, "/api/dashboards/population-balance?" + period);
            for (JsonNode month : balance) {
                assertThat(month.get("opening").asLong() + month.get("births").asLong()
                        + month.get("movedIn").asLong() - month.get("deaths").asLong()
                        - month.get("movedOut").asLong()).as(area + " " + month).isEqualTo(
                        month.get("closing").asLong());
            }
            assertThat(Registry.sum(balance, "movedIn")).isEqualTo(registry.get(clerk,
                    "/api/dashboards/indicators/populationMovedIn?" + period).get("total").asLong());
            assertThat(Registry.sum(balance, "movedOut")).isEqualTo(registry.get(clerk,
                    "/api/dashboards/indicators/populationMovedOut?" + period).get("total").asLong());
            assertThat(Registry.sum(balance, "births")).isEqualTo(births.get("total").asLong());
            assertThat(Registry.sum(balance, "deaths")).isEqualTo(dashboard.get("deaths").asLong());
            assertThat(balance.get(balance.size() - 1).get("closing").asLong())
                    .isEqualTo(dashboard.at("/population/end").asLong());

            // births by month: each month's figure is the length of that figure's list over the month's days, and
            // the months add up to the period's figures
            JsonNode byMonth = registry.get(clerk, "/api/dashboards/births-by-month?" + period);
            assertThat(byMonth.findValuesAsText("month")).as(area).containsExactlyElementsOf(
                    balance.findValuesAsText("month"));
            Map<String, String> monthly = Map.of("births", "/total", "maleBirths", "/male", "femaleBirths", "/female",
                    "firstBirths", "/byOrder/1", "secondBirths", "/byOrder/2", "thirdOrLaterBirths", "/byOrder/3+");
            for (Map.Entry<String, String> figure : monthly.entrySet()) {
                long sum = 0;
                for (JsonNode month : byMonth) {
                    long value = month.at(figure.getValue()).asLong();
                    sum += value;
                    if (value > 0 || figure.getKey().equals("births")) {
                        assertThat(registry.get(clerk, "/api/dashboards/indicators/" + figure.getKey() + "?areaCode="
                                        + area + "&from=" + month.get("from").asText() + "&to="
                                        + month.get("to").asText()).get("total").asLong())
                                .as(area + " " + figure.getKey() + " in " + month.get("month")).isEqualTo(value);
                    }
                }
                assertThat(sum).as(area + " " + figure.getKey()).isEqualTo(
                        dashboard.at(FIGURES.get(figure.getKey())).asLong());
            }
        }

        // the county's and a township's women of childbearing age come from their tally, but for the two years of birth
        // at the edges of the age range; on days that cut through the years of birth of women of the county (turning
        // 15, last day at 49, turning 50), mid-month and at a year's end, each equals its list, and so do the stocks
        List<LocalDate> days = new ArrayList<>(List.of(TO.minusDays(13), LocalDate.parse("2026-02-28"),
                LocalDate.parse("2025-12-31")));
        county.people.stream().filter(p -> "FEMALE".equals(p.sex) && p.birthDate.getYear() > 1976
                && p.birthDate.getYear() < 2011).limit(3).forEach(woman -> days.addAll(List.of(
                woman.birthDate.plusYears(15), woman.birthDate.plusYears(50).minusDays(1),
                woman.birthDate.plusYears(50))));
        for (String area : List.of(county.code, county.code + "001")) {
            for (LocalDate day : days) {
                String period = "areaCode=" + area + "&from=" + day.withDayOfMonth(1) + "&to=" + day;
                JsonNode dashboard = registry.get(clerk, "/api/dashboards/indicators?" + period);
                for (String figure : List.of("womenOfChildbearingAge", "marriedWomenOfChildbearingAge",
                        "populationStart", "populationEnd", "households")) {
                    assertThat(registry.get(clerk, "/api/dashboards/indicators/" + figure + "?" + period)
                            .get("total").asLong()).as(area + " " + figure + " on " + day)
                            .isEqualTo(dashboard.at(FIGURES.get(figure)).asLong());
                }
            }
        }
        // and the tallies, counted event by event, are those a count of the rows gives, as a rebuild counts them
        String areaRows = "SELECT area_code, subject, span, period_start, CAST(birth_year AS INTEGER) AS birth_year,"
                + " CAST(change AS BIGINT) AS change FROM %s"
                + " ORDER BY area_code, subject, span, period_start, birth_year";
        assertThat(jdbc.queryForList(areaRows.formatted("residence_area_tally")))
                .isEqualTo(jdbc.queryForList(areaRows.formatted("(" + recount("residence_area_tally") + ") r")))
                .hasSizeGreaterThan(100);
        String communityRows = "SELECT community_code, township_code, county_code, subject, month_start,"
                + " CAST(change AS BIGINT) AS change FROM %s ORDER BY community_code, subject, month_start";
        assertThat(jdbc.queryForList(communityRows.formatted("residence_tally")))
                .isEqualTo(jdbc.queryForList(communityRows.formatted("(" + recount("residence_tally") + ") r")))
                .hasSizeGreaterThan(100);

        // as known at an instant in the middle of the county's history, too: the stocks then come from the tally
        // corrected by what was recorded (or superseded) since, the lists from the rows as they stood
        Long middle = jdbc.queryForObject("SELECT MAX(global_index) - 60 FROM domain_event_entry", Long.class);
        String knownAt = java.time.Instant.parse(jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index = ?", String.class, middle)).toString();
        for (String area : areas) {
            String period = "areaCode=" + area + "&from=" + FROM + "&to=" + TO + "&knownAt=" + knownAt;
            JsonNode dashboard = registry.get(clerk, "/api/dashboards/indicators?" + period);
            for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
                JsonNode list = registry.get(clerk, "/api/dashboards/indicators/" + figure.getKey() + "?" + period
                        + "&size=500");
                assertThat(list.get("total").asLong()).as(area + " " + figure.getKey() + " as known at " + knownAt)
                        .isEqualTo(dashboard.at(figure.getValue()).asLong());
            }
            JsonNode balance = registry.get(clerk, "/api/dashboards/population-balance?" + period);
            assertThat(balance.get(balance.size() - 1).get("closing").asLong()).as(area)
                    .isEqualTo(dashboard.at("/population/end").asLong());
        }

        // the county is varied enough for the comparisons to mean something
        JsonNode all = registry.get(clerk, "/api/dashboards/indicators?areaCode=" + county.code + "&from=" + FROM
                + "&to=" + TO);
        assertThat(all.at("/births/total").asLong()).isGreaterThan(3);
        assertThat(all.at("/births/byOrder/2").asLong() + all.at("/births/byOrder/3+").asLong()).isPositive();
        assertThat(all.get("deaths").asLong()).isPositive();
        assertThat(all.at("/floating/movedIn").asLong()).isPositive();
        assertThat(all.at("/floating/movedOut").asLong()).isPositive();
        assertThat(all.at("/floating/floatingInAtEnd").asLong()).isPositive();
        assertThat(all.at("/checkUpCoverage/checked").asLong()).isPositive();
        assertThat(all.at("/checkUpCoverage/eligible").asLong())
                .isGreaterThan(all.at("/checkUpCoverage/checked").asLong());
        assertThat(all.at("/benefits/recipients").asLong()).isEqualTo(4);
        assertThat(all.at("/benefits/amountPaid").asText()).isEqualTo("1620.00");
    }

    /** The query a rebuild of the residence history counts a tally with, from its rows. */
    static String recount(String tally) {
        try (var sql = FiguresAgreeWithTheirListsTest.class.getResourceAsStream(
                "/org/registry/query/residence/" + tally + ".sql")) {
            return new String(sql.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
