package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.HouseholdApiTest.fields;
import static org.registry.app.Register.nationalId;

/** Registration and moves over HTTP: the "Registration and moves" table of api.md. */
class PersonApiTest extends RegisterScenario {

    String household(String community) {
        return register.household(community, "1 Test Road", "2000-01-01");
    }

    static Map<String, Object> person(String household, String name, String sex, String birthDate, String relation) {
        return Register.person(household, name, sex, birthDate, relation, "2005-06-01");
    }

    Api.Response register(Map<String, Object> body) {
        return clerk.post("/api/persons", body).expect(201);
    }

    JsonNode read(String path, long position) {
        return clerk.header("X-Min-Event-Position", Long.toString(position)).get(path).expect(200).json();
    }

    @Test
    void aRegisteredPersonIsReadBackWithEverythingWritten() {
        String home = household("330106001001");
        Map<String, Object> body = person(home, "Wang Fang", "FEMALE", "1990-04-02", "HEAD");
        body.put("maritalStatus", "MARRIED");
        body.put("ethnicity", "Han");
        Api.Response created = register(body);
        String id = created.field("personId");
        assertThat(created.header("Location")).contains("/api/persons/" + id);
        assertThat(created.json().get("version").asLong()).isZero();

        JsonNode person = read("/api/persons/" + id, created.eventPosition());
        assertThat(person.get("nationalId").asText()).isEqualTo(body.get("nationalId"));
        assertThat(person.get("name").asText()).isEqualTo("Wang Fang");
        assertThat(person.get("sex").asText()).isEqualTo("FEMALE");
        assertThat(person.get("birthDate").asText()).isEqualTo("1990-04-02");
        assertThat(person.get("maritalStatus").asText()).isEqualTo("MARRIED");
        assertThat(person.get("residency").asText()).isEqualTo("PERMANENT");
        assertThat(person.get("householdId").asText()).isEqualTo(home);
        assertThat(person.get("relationToHead").asText()).isEqualTo("HEAD");
        assertThat(person.get("communityCode").asText()).isEqualTo("330106001001");
        assertThat(person.get("residentSince").asText()).isEqualTo("2005-06-01");

        JsonNode members = read("/api/households/" + home, created.eventPosition()).get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("personId").asText()).isEqualTo(id);
        assertThat(members.get(0).get("name").asText()).isEqualTo("Wang Fang");
        assertThat(members.get(0).get("relationToHead").asText()).isEqualTo("HEAD");
    }

    @Test
    void aFloatingResidentIsRegisteredWithOriginAndCertificate() {
        String home = household("330106001002");
        Map<String, Object> body = person(home, "Zhao Lei", "MALE", "1995-09-09", "HEAD");
        body.put("residency", "FLOATING_IN");
        body.put("origin", "Xinyang, Henan");
        body.put("moveReason", "WORK");
        body.put("certificateNumber", "LD-3301-77");
        body.put("certificateExpiry", "2027-12-31");
        Api.Response created = register(body);

        JsonNode person = read("/api/persons/" + created.field("personId"), created.eventPosition());
        assertThat(person.get("residency").asText()).isEqualTo("FLOATING_IN");
        assertThat(person.get("origin").asText()).isEqualTo("Xinyang, Henan");
        assertThat(person.get("certificate").get("number").asText()).isEqualTo("LD-3301-77");
        assertThat(person.get("certificate").get("expiry").asText()).isEqualTo("2027-12-31");
    }

    @Test
    void badNationalIdsAreRefusedNamingTheFieldAndWhatIsWrong() {
        String home = household("330106001001");
        Map<String, Object> body = person(home, "Li Na", "FEMALE", "1990-04-02", "SPOUSE");
        String good = (String) body.get("nationalId");
        char wrongCheck = good.charAt(17) == '1' ? '2' : '1';

        body.put("nationalId", good.substring(0, 17) + wrongCheck);
        assertIdProblem(clerk.post("/api/persons", body).expect(400), "NATIONAL_ID_CHECKSUM");
        body.put("nationalId", good.substring(0, 16));
        assertIdProblem(clerk.post("/api/persons", body).expect(400), "NATIONAL_ID_INVALID");
        body.put("nationalId", good);
        body.put("birthDate", "1990-04-03");
        assertIdProblem(clerk.post("/api/persons", body).expect(400), "NATIONAL_ID_BIRTH_DATE_MISMATCH");
        body.put("birthDate", "1990-04-02");
        body.put("sex", "MALE");
        assertIdProblem(clerk.post("/api/persons", body).expect(400), "NATIONAL_ID_SEX_MISMATCH");
    }

    private static void assertIdProblem(Api.Response answer, String code) {
        assertProblem(answer, code);
        assertThat(fields(answer)).containsExactly("nationalId");
    }

    @Test
    void aNationalIdRegisteredTwiceIsAConflictNamingTheHolder() {
        String home = household("330106001001");
        Map<String, Object> body = person(home, "Li Na", "FEMALE", "1990-04-02", "SPOUSE");
        String holder = register(body).field("personId");

        body.put("name", "Li Na again");
        Api.Response duplicate = clerk.post("/api/persons", body).expect(409);
        assertProblem(duplicate, "DUPLICATE_NATIONAL_ID");
        assertThat(duplicate.field("personId")).isEqualTo(holder);
    }

    @Test
    void aNationalIdRegisteredByParallelRequestsIsGivenToExactlyOnePerson() throws Exception {
        String home = household("330106001001");
        String id = nationalId("1988-08-08", "MALE");
        List<Callable<Api.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = person(home, "Racer " + i, "MALE", "1988-08-08", "OTHER");
            body.put("nationalId", id);
            requests.add(() -> clerk.post("/api/persons", body));
        }
        List<Api.Response> answers = atOnce(requests);
        List<Api.Response> won = answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(won).hasSize(1);
        String winner = won.get(0).field("personId");
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(7).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.field("code")).isEqualTo("DUPLICATE_NATIONAL_ID");
            assertThat(answer.field("personId")).isEqualTo(winner);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload LIKE ?",
                Integer.class, "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void aBirthIsRegisteredWithItsDerivedOrderAndALateBirthTakesItsPlace() {
        String home = household("330106001001");
        String mother = register(person(home, "Chen Mei", "FEMALE", "1988-03-03", "SPOUSE")).field("personId");
        String father = register(person(home, "Wang Gang", "MALE", "1986-01-01", "HEAD")).field("personId");

        Api.Response second = clerk.post("/api/births", Map.of("motherId", mother, "fatherId", father,
                "name", "Wang Er", "sex", "FEMALE", "birthDate", "2022-07-01", "householdId", home)).expect(201);
        assertThat(second.json().get("birthOrder").asInt()).isEqualTo(1);
        Api.Response first = clerk.post("/api/births", Map.of("motherId", mother, "name", "Wang Yi", "sex", "MALE",
                "birthDate", "2019-02-02", "householdId", home, "reason", "registered late")).expect(201);
        assertThat(first.json().get("birthOrder").asInt()).isEqualTo(1);
        assertThat(first.header("Location")).contains("/api/persons/" + first.field("personId"));

        JsonNode later = read("/api/persons/" + second.field("personId"), first.eventPosition());
        assertThat(later.get("birthOrder").asInt()).isEqualTo(2);
        assertThat(later.get("motherId").asText()).isEqualTo(mother);
        assertThat(later.get("fatherId").asText()).isEqualTo(father);
        assertThat(later.get("relationToHead").asText()).isEqualTo("CHILD");
        assertThat(read("/api/persons/" + first.field("personId"), first.eventPosition()).get("birthOrder").asInt())
                .isEqualTo(1);
        assertThat(read("/api/households/" + home, first.eventPosition()).get("members")).hasSize(4);
    }

    @Test
    void aCorrectedBirthDateIsFollowedByTheMothersBirths() {
        String home = household("330106001001");
        String mother = register(person(home, "Chen Mei", "FEMALE", "1988-03-03", "SPOUSE")).field("personId");
        String first = clerk.post("/api/births", Map.of("motherId", mother, "name", "A", "sex", "MALE",
                "birthDate", "2018-01-01", "householdId", home)).expect(201).field("personId");

        clerk.post("/api/persons/" + first + "/corrections", Map.of("field", "birthDate", "value", "2017-01-01",
                "reason", "the hospital record says 2017")).expect(200);

        assertProblem(clerk.post("/api/births", Map.of("motherId", mother, "name", "B", "sex", "MALE",
                "birthDate", "2017-04-01", "householdId", home)).expect(422), "BIRTHS_TOO_CLOSE");
        Api.Response second = clerk.post("/api/births", Map.of("motherId", mother, "name", "C", "sex", "FEMALE",
                "birthDate", "2017-12-01", "householdId", home)).expect(201);
        assertThat(second.json().get("birthOrder").asInt()).isEqualTo(2);
        assertThat(read("/api/persons/" + second.field("personId"), second.eventPosition()).get("birthOrder").asInt())
                .isEqualTo(2);
    }

    @Test
    void aBirthIsRegisteredOnlyByAClerkOfTheParentsAreasToo() {
        String elsewhere = household("330106002001");
        String mother = register(person(elsewhere, "Far Away", "FEMALE", "1990-01-01", "HEAD")).field("personId");
        String villageHome = household("330106001001");
        Api.Response refused = Api.at(port).as("village").post("/api/births", Map.of("motherId", mother,
                "name", "X", "sex", "MALE", "birthDate", "2025-01-01", "householdId", villageHome)).expect(403);
        assertProblem(refused, "OUTSIDE_AREA_SCOPE");
    }

    @Test
    void transfersInOppositeDirectionsAtOnceAllSucceed() throws Exception {
        String a = household("330106001001");
        String b = household("330106001001");
        List<String> fromA = new ArrayList<>();
        List<String> fromB = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fromA.add(register(person(a, "A" + i, "MALE", "1990-01-01", "OTHER")).field("personId"));
            fromB.add(register(person(b, "B" + i, "MALE", "1990-01-01", "OTHER")).field("personId"));
        }
        List<Callable<Api.Response>> transfers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String x = fromA.get(i);
            String y = fromB.get(i);
            transfers.add(() -> clerk.post("/api/persons/" + x + "/moves", Map.of("direction", "TRANSFER",
                    "toHouseholdId", b, "relationToHead", "OTHER", "date", "2026-02-02")));
            transfers.add(() -> clerk.post("/api/persons/" + y + "/moves", Map.of("direction", "TRANSFER",
                    "toHouseholdId", a, "relationToHead", "OTHER", "date", "2026-02-02")));
        }
        for (Api.Response answer : atOnce(transfers)) {
            answer.expect(200);
        }
    }

    @Test
    void aStaleIfMatchIsA412EvenWhenTheCommandWouldChangeNothing() {
        String home = household("330106001001");
        String head = register(person(home, "Head", "MALE", "1970-01-01", "HEAD")).field("personId");
        register(person(home, "Spouse", "FEMALE", "1972-01-01", "SPOUSE"));
        assertProblem(clerk.header("If-Match", "\"0\"").post("/api/households/" + home + "/head",
                Map.of("personId", head, "date", "2026-01-01")).expect(412), "CONCURRENT_MODIFICATION");
    }

    @Test
    void aBirthToAnUnknownOrMaleMotherIsRefused() {
        String home = household("330106001001");
        String man = register(person(home, "Wang Gang", "MALE", "1986-01-01", "HEAD")).field("personId");
        Api.Response male = clerk.post("/api/births", Map.of("motherId", man, "name", "X", "sex", "MALE",
                "birthDate", "2022-07-01", "householdId", home)).expect(422);
        assertProblem(male, "MOTHER_NOT_FEMALE");
        Api.Response unknown = clerk.post("/api/births", Map.of("motherId", "00000000-0000-0000-0000-000000000001",
                "name", "X", "sex", "MALE", "birthDate", "2022-07-01", "householdId", home)).expect(404);
        assertProblem(unknown, "PERSON_NOT_FOUND");
        assertThat(fields(unknown)).containsExactly("motherId");
    }

    @Test
    void aDeceasedPersonAcceptsNoFactButCorrections() {
        String home = household("330106001001");
        String id = register(person(home, "Liu Lao", "MALE", "1940-05-05", "HEAD")).field("personId");

        Api.Response died = clerk.post("/api/persons/" + id + "/death", Map.of("date", "2026-01-10")).expect(200);
        JsonNode dead = read("/api/persons/" + id, died.eventPosition());
        assertThat(dead.get("residency").asText()).isEqualTo("DECEASED");
        assertThat(dead.get("diedOn").asText()).isEqualTo("2026-01-10");
        assertThat(dead.get("householdId").isNull()).isTrue();
        JsonNode members = read("/api/households/" + home, died.eventPosition()).get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("residency").asText()).isEqualTo("DECEASED");
        assertThat(members.get(0).get("residencySince").asText()).isEqualTo("2026-01-10");

        assertProblem(clerk.post("/api/persons/" + id + "/marital-status", Map.of("maritalStatus", "MARRIED",
                "date", "2026-01-11")).expect(409), "INVALID_STATE");
        assertProblem(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "OUT", "date", "2026-01-11"))
                .expect(409), "INVALID_STATE");
        assertProblem(clerk.post("/api/persons/" + id + "/death", Map.of("date", "2026-01-11")).expect(409),
                "INVALID_STATE");
        Api.Response corrected = clerk.post("/api/persons/" + id + "/corrections", Map.of("field", "name",
                "value", "Liu Laoshi", "reason", "name misspelt on the death certificate")).expect(200);
        assertThat(read("/api/persons/" + id, corrected.eventPosition()).get("name").asText()).isEqualTo("Liu Laoshi");
    }

    @Test
    void aTransferKeepsExactlyOneHouseholdMembership() {
        String from = household("330106001001");
        String to = household("330106002001");
        String id = register(person(from, "Sun Li", "FEMALE", "1992-02-02", "CHILD")).field("personId");

        Api.Response moved = clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "TRANSFER",
                "toHouseholdId", to, "relationToHead", "SPOUSE", "date", "2026-02-02")).expect(200);

        JsonNode person = read("/api/persons/" + id, moved.eventPosition());
        assertThat(person.get("householdId").asText()).isEqualTo(to);
        assertThat(person.get("relationToHead").asText()).isEqualTo("SPOUSE");
        assertThat(person.get("communityCode").asText()).isEqualTo("330106002001");
        assertThat(read("/api/households/" + from, moved.eventPosition()).get("members")).isEmpty();
        JsonNode members = read("/api/households/" + to, moved.eventPosition()).get("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("personId").asText()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_member WHERE person_id = ?::uuid",
                Integer.class, id)).isEqualTo(1);

        assertProblem(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "TRANSFER",
                "toHouseholdId", to, "relationToHead", "SPOUSE", "date", "2026-02-03")).expect(422), "NOTHING_CHANGES");
    }

    @Test
    void aTransferToAHeadedHouseholdAsItsHeadIsRefusedAndRecordsNothing() {
        String from = household("330106001001");
        String to = household("330106002001");
        register(person(to, "Head", "MALE", "1970-01-01", "HEAD"));
        Api.Response person = register(person(from, "Zhou Yan", "FEMALE", "1992-02-02", "CHILD"));
        String id = person.field("personId");

        assertProblem(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "TRANSFER",
                "toHouseholdId", to, "relationToHead", "HEAD", "date", "2026-02-02")).expect(409), "HOUSEHOLD_HAS_HEAD");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aResidentMovesOutStaysOnTheRegisterAndReturns() {
        String home = household("330106001001");
        String id = register(person(home, "Hu Bin", "MALE", "1990-01-01", "CHILD")).field("personId");

        Api.Response out = clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "OUT", "date",
                "2026-01-05", "place", "Shenzhen, Guangdong", "moveReason", "WORK",
                "reason", "his employer's letter")).expect(200);
        JsonNode away = read("/api/persons/" + id, out.eventPosition());
        assertThat(away.get("residency").asText()).isEqualTo("MOVED_OUT");
        assertThat(away.get("householdId").asText()).isEqualTo(home);
        // the move's cause is a fact of the move; the reason, why the clerk recorded it, is in the audit trail
        Map<String, Object> stored = jdbc.queryForMap("SELECT payload, meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        assertThat(stored.get("payload").toString()).contains("\"reason\":\"WORK\"");
        assertThat(stored.get("meta_data").toString()).contains("\"reason\":\"his employer's letter\"");

        Api.Response back = clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "IN", "date",
                "2026-04-05", "place", "Shenzhen, Guangdong", "moveReason", "FAMILY")).expect(200);
        assertThat(read("/api/persons/" + id, back.eventPosition()).get("residency").asText()).isEqualTo("PERMANENT");
        assertProblem(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "IN", "date", "2026-04-06"))
                .expect(409), "INVALID_STATE");
    }

    @Test
    void aMoveWithFieldsOfAnotherDirectionOrAnUnknownReasonIsABadRequest() {
        String home = household("330106001001");
        String id = register(person(home, "Hu Bin", "MALE", "1990-01-01", "CHILD")).field("personId");
        assertThat(fields(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "OUT", "date",
                "2026-01-05", "toHouseholdId", home)).expect(400))).containsExactly("toHouseholdId");
        assertThat(fields(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "OUT", "date",
                "2026-01-05", "moveReason", "holiday")).expect(400))).containsExactly("moveReason");
        assertThat(fields(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "TRANSFER", "date",
                "2026-01-05", "toHouseholdId", home, "relationToHead", "OTHER", "moveReason", "WORK")).expect(400)))
                .containsExactly("moveReason");
        assertThat(fields(clerk.post("/api/persons/" + id + "/moves", Map.of("direction", "TRANSFER",
                "date", "2026-01-05")).expect(400))).containsExactly("toHouseholdId");
    }

    @Test
    void aNewbornsIdIsAddedLaterAndAPersonIsFoundByIt() {
        String home = household("330106003001");
        String mother = register(person(home, "Gao Jing", "FEMALE", "1991-01-01", "HEAD")).field("personId");
        Api.Response birth = clerk.post("/api/births", Map.of("motherId", mother, "name", "Gao Xiao", "sex", "FEMALE",
                "birthDate", "2026-03-03", "householdId", home)).expect(201);
        String child = birth.field("personId");
        String id = nationalId("2026-03-03", "FEMALE");

        Api.Response added = clerk.post("/api/persons/" + child + "/national-id", Map.of("nationalId", id)).expect(200);
        JsonNode found = read("/api/persons?nationalId=" + id, added.eventPosition());
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("personId").asText()).isEqualTo(child);
        assertProblem(clerk.post("/api/persons/" + child + "/national-id", Map.of("nationalId", id)).expect(409),
                "INVALID_STATE");
    }

    @Test
    void personsAreSearchedByAreaNameAndResidency() {
        String home = household("330106004001");
        register(person(home, "Ma Yun", "MALE", "1964-09-10", "HEAD"));
        register(person(home, "Ma Hua", "FEMALE", "1966-01-01", "SPOUSE"));
        Api.Response last = register(person(home, "Liu Qiang", "MALE", "1990-01-01", "CHILD"));

        Api reader = clerk.header("X-Min-Event-Position", Long.toString(last.eventPosition()));
        assertThat(reader.get("/api/persons?areaCode=330106004001").expect(200).json().get("total").asInt()).isEqualTo(3);
        assertThat(reader.get("/api/persons?areaCode=330106004001&name=Ma").json().get("total").asInt()).isEqualTo(2);
        assertThat(reader.get("/api/persons?areaCode=330106004001&residency=FLOATING_IN").json().get("total").asInt())
                .isZero();
        JsonNode born = reader.get("/api/persons?areaCode=330106004001&birthDate=1990-01-01").expect(200).json();
        assertThat(born.get("items").findValuesAsText("name")).containsExactly("Liu Qiang");
        assertThat(reader.get("/api/persons?areaCode=330106004001&name=Ma&birthDate=1990-01-01").json().get("total")
                .asInt()).isZero();
        assertProblem(reader.get("/api/persons?birthDate=1990-02-30").expect(400), "VALIDATION_FAILED");
        assertProblem(Api.at(port).as("village").get("/api/persons?areaCode=330106004001").expect(403),
                "OUTSIDE_AREA_SCOPE");
    }

    @Test
    void theHeadOfAHouseholdChanges() {
        String home = household("330106001001");
        register(person(home, "Old Head", "MALE", "1950-01-01", "HEAD"));
        Api.Response spouse = register(person(home, "New Head", "FEMALE", "1952-01-01", "SPOUSE"));

        Api.Response changed = clerk.post("/api/households/" + home + "/head", Map.of("personId",
                spouse.field("personId"), "date", "2026-03-01")).expect(200);
        JsonNode members = read("/api/households/" + home, changed.eventPosition()).get("members");
        assertThat(members.get(0).get("name").asText()).isEqualTo("New Head");
        assertThat(members.get(0).get("relationToHead").asText()).isEqualTo("HEAD");
        assertThat(members.get(1).get("relationToHead").asText()).isEqualTo("SPOUSE");
    }

    @Test
    void aPersonInAnUnknownHouseholdIsRefused() {
        Api.Response answer = clerk.post("/api/persons", person("00000000-0000-0000-0000-0000000000ff", "Nobody",
                "MALE", "1990-01-01", "HEAD")).expect(404);
        assertProblem(answer, "HOUSEHOLD_NOT_FOUND");
        assertThat(fields(answer)).containsExactly("householdId");
    }

    @Test
    void aBirthDateInTheFutureOrAResidenceBeforeBirthIsRefused() {
        String home = household("330106001001");
        String tomorrow = LocalDate.now().plusDays(2).toString();
        Map<String, Object> unborn = person(home, "Future", "MALE", tomorrow, "CHILD");
        assertThat(fields(clerk.post("/api/persons", unborn).expect(400))).containsExactly("birthDate");
        Map<String, Object> early = person(home, "Early", "MALE", "2010-01-01", "CHILD");
        early.put("residentSince", "2009-01-01");
        assertProblem(clerk.post("/api/persons", early).expect(400), "DATE_BEFORE_BIRTH");
    }
}
