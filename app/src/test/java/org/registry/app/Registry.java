package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.platform.test.Api;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the facts of a test: over HTTP for everything the commands of this branch can record (households,
 * persons, births, deaths, marriages, moves, corrections), and by appending events to a person's record for
 * check-ups and benefit claims, whose commands are not on this branch yet. Keeps the position of the last event,
 * so that reads can wait for it ({@code X-Min-Event-Position}).
 */
final class Registry {

    /** Counties no other test uses, so that every test reads only its own figures, even at county level. */
    private static final AtomicInteger COUNTIES = new AtomicInteger(0);
    private static final Map<String, AtomicInteger> ID_SEQUENCES = new ConcurrentHashMap<>();

    private final Api clerk;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private long position;

    Registry(Api clerk, EventStore events, JdbcTemplate jdbc) {
        this.clerk = clerk;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The sum of one column over the months of a population balance. */
    static long sum(JsonNode months, String column) {
        long sum = 0;
        for (JsonNode month : months) {
            sum += month.get(column).asLong();
        }
        return sum;
    }

    /** A county code (6 digits) of this test alone, in province 34 with no level of zeros. */
    static String freshCounty() {
        int n = COUNTIES.incrementAndGet();
        return String.format("34%02d%02d", 1 + (n / 99) % 99, 1 + n % 99);
    }

    /** A valid national ID for a birth date and sex, unique in the test run (region 440305: none of PersonApiTest). */
    static String nationalId(LocalDate birthDate, String sex) {
        String date = birthDate.toString().replace("-", "");
        int sequence = ID_SEQUENCES.computeIfAbsent(date + sex, key -> new AtomicInteger()).getAndIncrement();
        int digits = sequence * 2 + ("MALE".equals(sex) ? 1 : 0);
        String first17 = "440305" + date + String.format("%03d", digits % 1000);
        return first17 + NationalId.checkCharacter(first17);
    }

    long position() {
        return position;
    }

    /** Takes a position some other writer's command answered with, so reads wait for it too. */
    void saw(long eventPosition) {
        position = Math.max(position, eventPosition);
    }

    /** Reads as the clerk, once the read side has handled everything recorded so far. */
    Api reader(Api api) {
        return api.header("X-Min-Event-Position", Long.toString(position));
    }

    JsonNode get(Api api, String path) {
        return reader(api).get(path).expect(200).json();
    }

    private Api.Response post(String path, Map<String, Object> body, int status) {
        Api.Response answer = clerk.post(path, body).expect(status);
        answer.header("X-Event-Position").ifPresent(value -> position = Math.max(position, Long.parseLong(value)));
        return answer;
    }

    String household(String community, LocalDate date) {
        return post("/api/households", Map.of("communityCode", community, "address", "1 Test Road " + community,
                "kind", "REGISTERED", "date", date.toString()), 201).field("householdId");
    }

    String floatingHousehold(String community, LocalDate date) {
        return post("/api/households", Map.of("communityCode", community, "address", "9 Rented Lane",
                "kind", "FLOATING", "date", date.toString()), 201).field("householdId");
    }

    /** A person entered as a resident already living here since {@code since}. */
    String resident(String household, String name, String sex, LocalDate birthDate, String relation,
                    LocalDate since, String maritalStatus) {
        Map<String, Object> body = person(household, name, sex, birthDate, relation, since, maritalStatus);
        body.put("residency", "PERMANENT");
        return post("/api/persons", body, 201).field("personId");
    }

    /** A married person heading the household, a resident since 2010: the first member of many tests' households. */
    String marriedHead(String household, String name, String sex, LocalDate birthDate) {
        return resident(household, name, sex, birthDate, "HEAD", LocalDate.parse("2010-01-01"), "MARRIED");
    }

    /** A person entered as a resident who moved in from {@code origin} on {@code since}. */
    String arrival(String household, String name, String sex, LocalDate birthDate, String relation,
                   LocalDate since, String origin) {
        Map<String, Object> body = person(household, name, sex, birthDate, relation, since, null);
        body.put("residency", "PERMANENT");
        body.put("origin", origin);
        body.put("moveReason", "FAMILY");
        return post("/api/persons", body, 201).field("personId");
    }

    /** A floating resident (流入) with a certificate expiring on {@code expiry} (none when null). */
    String floating(String household, String name, String sex, LocalDate birthDate, String relation,
                    LocalDate since, String origin, LocalDate expiry, String maritalStatus) {
        Map<String, Object> body = person(household, name, sex, birthDate, relation, since, maritalStatus);
        body.put("residency", "FLOATING_IN");
        body.put("origin", origin);
        body.put("moveReason", "WORK");
        if (expiry != null) {
            body.put("certificateNumber", "LD-" + name.hashCode());
            body.put("certificateExpiry", expiry.toString());
        }
        return post("/api/persons", body, 201).field("personId");
    }

    private static Map<String, Object> person(String household, String name, String sex, LocalDate birthDate,
                                              String relation, LocalDate since, String maritalStatus) {
        Map<String, Object> body = new HashMap<>();
        body.put("nationalId", nationalId(birthDate, sex));
        body.put("name", name);
        body.put("sex", sex);
        body.put("birthDate", birthDate.toString());
        body.put("householdId", household);
        body.put("relationToHead", relation);
        body.put("residentSince", since.toString());
        if (maritalStatus != null) {
            body.put("maritalStatus", maritalStatus);
        }
        return body;
    }

    Api.Response birth(String mother, String household, String name, String sex, LocalDate date) {
        return post("/api/births", Map.of("motherId", mother, "name", name, "sex", sex,
                "birthDate", date.toString(), "householdId", household), 201);
    }

    String born(String mother, String household, String name, String sex, LocalDate date) {
        return birth(mother, household, name, sex, date).field("personId");
    }

    /** A married woman heading the household ({@link #marriedHead}) who bore a child in it on {@code date}: her id. */
    String mother(String household, String name, LocalDate birthDate, String child, String sex, LocalDate date) {
        String mother = marriedHead(household, name, "FEMALE", birthDate);
        born(mother, household, child, sex, date);
        return mother;
    }

    void death(String person, LocalDate date) {
        post("/api/persons/" + person + "/death", Map.of("date", date.toString()), 200);
    }

    void marry(String person, LocalDate date) {
        post("/api/persons/" + person + "/marital-status", Map.of("maritalStatus", "MARRIED",
                "date", date.toString()), 200);
    }

    void moveOut(String person, LocalDate date, String destination) {
        post("/api/persons/" + person + "/moves", Map.of("direction", "OUT", "date", date.toString(),
                "place", destination, "moveReason", "WORK"), 200);
    }

    void moveIn(String person, LocalDate date, String origin) {
        post("/api/persons/" + person + "/moves", Map.of("direction", "IN", "date", date.toString(),
                "place", origin, "moveReason", "FAMILY"), 200);
    }

    void transfer(String person, String toHousehold, LocalDate date) {
        post("/api/persons/" + person + "/moves", Map.of("direction", "TRANSFER", "date", date.toString(),
                "toHouseholdId", toHousehold, "relationToHead", "OTHER"), 200);
    }

    void relocate(String household, String community, LocalDate date) {
        post("/api/households/" + household + "/relocation", Map.of("communityCode", community,
                "address", "2 New Road " + community, "date", date.toString()), 200);
    }

    void correct(String person, String field, String value) {
        post("/api/persons/" + person + "/corrections", Map.of("field", field, "value", value,
                "reason", "recorded wrongly"), 200);
    }

    String checkUp(String person, CheckUpType type, LocalDate date, RiskLevel risk, LocalDate followUpDue) {
        CheckUpId id = new CheckUpId(UUID.randomUUID());
        append(person, new CheckUpRecorded(PersonId.of(person), id, type, date, "Township clinic",
                risk == RiskLevel.HIGH ? CheckUpResult.HIGH_RISK : CheckUpResult.NORMAL, risk, null, followUpDue));
        return id.toString();
    }

    String checkUp(String person, LocalDate date) {
        return checkUp(person, CheckUpType.REPRODUCTIVE_HEALTH, date, null, null);
    }

    /** A claim through the three levels to its public notice, which starts at {@code noticeStartedAt}. */
    String claimOnNotice(String person, Programme programme, LocalDate filedOn, Instant noticeStartedAt) {
        ClaimId claim = new ClaimId(UUID.randomUUID());
        PersonId id = PersonId.of(person);
        append(person, new BenefitClaimFiled(id, claim, programme, null, "one child", filedOn));
        append(person, new BenefitClaimApproved(id, claim, Stage.VILLAGE_ASSESSMENT, null, "village", filedOn));
        append(person, new BenefitClaimApproved(id, claim, Stage.TOWNSHIP_REVIEW, null, "township", filedOn));
        append(person, new BenefitClaimApproved(id, claim, Stage.COUNTY_APPROVAL, null, "county", filedOn));
        append(person, new PublicNoticeStarted(id, claim, noticeStartedAt, noticeStartedAt.plusSeconds(7 * 86400)));
        return claim.toString();
    }

    String filedClaim(String person, Programme programme, LocalDate filedOn) {
        ClaimId claim = new ClaimId(UUID.randomUUID());
        append(person, new BenefitClaimFiled(PersonId.of(person), claim, programme, null, "one child", filedOn));
        return claim.toString();
    }

    /** @return the objection's id */
    String objection(String person, String claim, LocalDate on) {
        ObjectionId objection = new ObjectionId(UUID.randomUUID());
        append(person, new ObjectionRaised(PersonId.of(person), ClaimId.of(claim), objection, "not an only child", on));
        return objection.toString();
    }

    String grantedClaim(String person, Programme programme, LocalDate grantedOn) {
        String claim = claimOnNotice(person, programme, grantedOn.minusDays(10),
                grantedOn.minusDays(8).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        append(person, new BenefitClaimGranted(PersonId.of(person), ClaimId.of(claim), grantedOn));
        return claim;
    }

    void pay(String person, String claim, String period, String amount, LocalDate paidOn) {
        append(person, new BenefitPaid(PersonId.of(person), ClaimId.of(claim), period, new BigDecimal(amount), paidOn));
    }

    void endClaim(String person, String claim, EndReason reason, LocalDate endedOn) {
        append(person, new BenefitClaimEnded(PersonId.of(person), ClaimId.of(claim), reason, endedOn));
    }

    /** Appends an event to the person's record, as the command side will once its commands are on this branch. */
    void append(String person, Object event) {
        Long last = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                person);
        if (last == null) {
            throw new IllegalStateException("no person " + person);
        }
        events.publish(new GenericDomainEventMessage<>("Person", person, last + 1, event,
                MetaData.with("actor", "test").and("role", "CLERK")));
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        position = Math.max(position, head == null ? 0 : head);
    }
}
