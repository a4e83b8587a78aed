package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.platform.test.Api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;

/**
 * Events stored before the postal code had a field of its own (revision 1 of HouseholdRegistered and
 * HouseholdRelocated) still replay: into the projections, the audit trail, and the household aggregate.
 */
class UpcastingTest extends RegisterScenario {

    /** A row as a revision-1 build stored it; answers its position. */
    private long storeRevisionOne(String household, long sequence, Class<?> type, String json) {
        return storeRevisionOne("Household", household, sequence, type, json, "before postal codes");
    }

    private long storeRevisionOne(String aggregateType, String aggregate, long sequence, Class<?> type, String json,
                                  String reason) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?)""",
                eventId, aggregate, sequence, aggregateType, Instant.now().toString(), type.getName(), json,
                "{\"actor\":\"clerk\",\"role\":\"CLERK\",\"reason\":\"%s\"}".formatted(reason));
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }

    /** A correction as a revision-1 build stored it: the field's name and its old and new values as text. */
    private long storeRevisionOneCorrection(String person, String field, String oldValue, String newValue) {
        long sequence = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, person);
        return storeRevisionOne("Person", person, sequence, PersonDetailCorrected.class, """
                {"personId":"%s","field":"%s","oldValue":"%s","newValue":"%s","reason":"misread"}"""
                .formatted(person, field, oldValue, newValue), "before typed corrections");
    }

    private static JsonNode correction(String field, String oldValue, String newValue) {
        return JsonNodeFactory.instance.objectNode().put("field", field).put("oldValue", oldValue)
                                       .put("newValue", newValue);
    }

    @Test
    void correctionsStoredAsTextReplayTyped() {
        String home = register.household("330106001001", "3 Correction Road", "2010-01-01");
        String wrongId = Register.nationalId("1985-03-04", "MALE");
        String rightId = Register.nationalId("1985-04-03", "MALE");
        String person = register.register(Register.person(home, "Zhou Mng", "MALE", "1985-03-04", "HEAD",
                "2011-01-01"));
        storeRevisionOneCorrection(person, "nationalId", wrongId, rightId);
        storeRevisionOneCorrection(person, "birthDate", "1985-03-04", "1985-04-03");
        long last = storeRevisionOneCorrection(person, "name", "Zhou Mng", "Zhou Ming");

        JsonNode read = api.as("clerk").header("X-Min-Event-Position", Long.toString(last))
                           .get("/api/persons/" + person).expect(200).json();
        assertThat(read.get("name").asText()).isEqualTo("Zhou Ming");
        assertThat(read.get("birthDate").asText()).isEqualTo("1985-04-03");
        assertThat(read.get("nationalId").asText()).isEqualTo(rightId);
        long version = read.get("version").asLong();

        JsonNode trail = api.as("auditor").get("/api/audit/persons/" + person).expect(200).json();
        JsonNode birthDate = trail.get(trail.size() - 2);
        assertThat(birthDate.get("type").asText()).isEqualTo("PersonDetailCorrected");
        assertThat(birthDate.get("payload").get("correction"))
                .isEqualTo(correction("birthDate", "1985-03-04", "1985-04-03"));
        assertThat(birthDate.get("payload").get("reason").asText()).isEqualTo("misread");
        assertThat(birthDate.get("reason").asText()).isEqualTo("before typed corrections");
        JsonNode masked = api.as("analyst").get("/api/audit/persons/" + person).expect(200).json();
        assertThat(masked.get(trail.size() - 2).get("payload").get("correction"))
                .isEqualTo(correction("birthDate", "***", "***"));
        JsonNode asOf = api.as("auditor").get("/api/audit/persons/" + person + "/state?asOf=" + Instant.now())
                           .expect(200).json();
        assertThat(asOf.get("name").asText()).isEqualTo("Zhou Ming");
        assertThat(asOf.get("birthDate").asText()).isEqualTo("1985-04-03");
        assertThat(asOf.get("nationalId").asText()).isEqualTo(rightId);

        // The aggregate loads the old corrections typed: the corrected day is its birth date, the corrected ID its ID.
        assertProblem(api.as("clerk").post("/api/persons/" + person + "/corrections", Map.of("field", "birthDate",
                "value", "1985-04-03", "reason", "again")).expect(422), "NOTHING_CHANGES");
        assertProblem(api.as("clerk").post("/api/persons/" + person + "/corrections", Map.of("field", "birthDate",
                "value", "1985-03-04", "reason", "back")).expect(400), "NATIONAL_ID_BIRTH_DATE_MISMATCH");
        Api.Response renamed = api.as("clerk").post("/api/persons/" + person + "/corrections", Map.of("field", "name",
                "value", "Zhou Min", "reason", "misheard")).expect(200);
        assertThat(renamed.json().get("version").asLong()).isEqualTo(version + 1);

        JsonNode verified = api.as("admin").post("/api/admin/projections/person-index/verify", Map.of())
                               .expect(200).json();
        assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
    }

    @Test
    void householdsStoredWithThePostalCodeInTheAddressReplayWithItInAFieldOfItsOwn() {
        String household = UUID.randomUUID().toString();
        storeRevisionOne(household, 0, HouseholdRegistered.class, """
                {"householdId":"%s","communityCode":"330106001001","address":"8 Old Road, 310011",\
                "kind":"REGISTERED","householdNumber":"H-OLD","registeredOn":"2019-05-01"}""".formatted(household));
        long relocated = storeRevisionOne(household, 1, HouseholdRelocated.class, """
                {"householdId":"%s","fromCommunityCode":"330106001001","communityCode":"330106001002",\
                "address":"文三路9号 邮编310012","date":"2020-05-01"}""".formatted(household));

        JsonNode read = api.as("clerk").header("X-Min-Event-Position", Long.toString(relocated))
                           .get("/api/households/" + household).expect(200).json();
        assertThat(read.get("address").asText()).isEqualTo("文三路9号");
        assertThat(read.get("postalCode").asText()).isEqualTo("310012");
        assertThat(read.get("communityCode").asText()).isEqualTo("330106001002");
        assertThat(read.get("version").asLong()).isEqualTo(1);

        JsonNode trail = api.as("auditor").get("/api/audit/households/" + household).expect(200).json();
        assertThat(trail.get(0).get("payload").get("address").asText()).isEqualTo("8 Old Road");
        assertThat(trail.get(0).get("payload").get("postalCode").asText()).isEqualTo("310011");
        assertThat(trail.get(0).get("occurredOn").asText()).isEqualTo("2019-05-01");
        assertThat(trail.get(0).get("reason").asText()).isEqualTo("before postal codes");
        assertThat(trail.get(1).get("payload").get("postalCode").asText()).isEqualTo("310012");
        JsonNode asOf = api.as("auditor").get("/api/audit/households/" + household + "/state?asOf=" + Instant.now())
                           .expect(200).json();
        assertThat(asOf).isEqualTo(read);

        // The command side's lookup of households, which the old build kept in the events' transaction too.
        jdbc.update("INSERT INTO household_directory (household_id, community_code) VALUES (?, '330106001002')",
                UUID.fromString(household));
        // The aggregate loads its old history through the same upcaster: the same address is no relocation.
        assertProblem(api.as("clerk").post("/api/households/" + household + "/relocation", Map.of(
                "communityCode", "330106001002", "address", "文三路9号", "postalCode", "310012",
                "date", "2021-01-01")).expect(422), "NOTHING_CHANGES");
        Api.Response moved = api.as("clerk").post("/api/households/" + household + "/relocation", Map.of(
                "communityCode", "330106001003", "address", "1 New Road", "date", "2021-01-01")).expect(200);
        assertThat(moved.json().get("version").asLong()).isEqualTo(2);

        JsonNode verified = api.as("admin").post("/api/admin/projections/household-register/verify", Map.of())
                               .expect(200).json();
        assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
    }

    @Test
    void aHouseholdIsRegisteredAndRelocatedWithItsPostalCode() {
        Api.Response created = api.as("clerk").post("/api/households", Map.of("communityCode", "330106001001",
                "address", "1 Wensan Road", "postalCode", "310012", "kind", "REGISTERED", "date", "2024-01-01"))
                                  .expect(201);
        String id = created.field("householdId");
        JsonNode read = api.as("clerk").header("X-Min-Event-Position", Long.toString(created.eventPosition()))
                           .get("/api/households/" + id).expect(200).json();
        assertThat(read.get("address").asText()).isEqualTo("1 Wensan Road");
        assertThat(read.get("postalCode").asText()).isEqualTo("310012");

        Api.Response moved = api.as("clerk").post("/api/households/" + id + "/relocation", Map.of(
                "communityCode", "330106002003", "address", "8 Xixi Road", "date", "2024-06-01")).expect(200);
        JsonNode after = api.as("clerk").header("X-Min-Event-Position", Long.toString(moved.eventPosition()))
                            .get("/api/households/" + id).expect(200).json();
        assertThat(after.get("postalCode").isNull()).isTrue();

        Api.Response bad = api.as("clerk").post("/api/households", Map.of("communityCode", "330106001001",
                "address", "x", "postalCode", "3100", "kind", "REGISTERED")).expect(400);
        assertProblem(bad, "POSTAL_CODE_INVALID");
        assertThat(HouseholdApiTest.fields(bad)).containsExactly("postalCode");
    }
}
