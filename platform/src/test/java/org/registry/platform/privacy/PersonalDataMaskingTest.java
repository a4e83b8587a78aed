package org.registry.platform.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.platform.security.AreaScope;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskingTest {

    private final PersonalDataMasking masking = new PersonalDataMasking(JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    private final RegistryUser analyst = new RegistryUser("analyst", Set.of(Role.ANALYST), AreaScope.all());
    private final RegistryUser auditor = new RegistryUser("auditor", Set.of(Role.AUDITOR), AreaScope.all());

    private final PersonId personId = new PersonId(UUID.randomUUID());
    private final HouseholdId householdId = new HouseholdId(UUID.randomUUID());
    private final PersonRegistered registered = new PersonRegistered(personId, new NationalId("11010519491231002X"),
            "Zhang Wei", Sex.FEMALE, LocalDate.of(1949, 12, 31), "Han", MaritalStatus.MARRIED, householdId,
            RelationToHead.HEAD, Residency.FLOATING_IN, LocalDate.of(2020, 1, 1), "Xinyang, Henan", MoveReason.WORK,
            new FloatingCertificate("LD-3301-77", LocalDate.of(2027, 12, 31)));

    @Test
    void anAnalystSeesEveryPersonalFieldOfAnEventMaskedAndEverythingElseAsIs() {
        JsonNode json = masking.toJson(registered, analyst);

        assertThat(json.get("nationalId").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("name").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("origin").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("personId").asText()).isEqualTo(personId.toString());
        assertThat(json.get("sex").asText()).isEqualTo("FEMALE");
        assertThat(json.get("birthDate").asText()).isEqualTo("1949-12-31");
        assertThat(json.get("residency").asText()).isEqualTo("FLOATING_IN");
        assertThat(json.get("ethnicity").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("moveReason").asText()).isEqualTo("WORK");
    }

    @Test
    void personalFieldsOfNestedRecordsAreMaskedToo() {
        JsonNode certificate = masking.toJson(registered, analyst).get("certificate");

        assertThat(certificate.get("number").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(certificate.get("expiry").asText()).isEqualTo("2027-12-31");

        HouseholdView household = new HouseholdView(householdId, new CommunityCode("330106001001"), "1 Wensan Road", null,
                HouseholdKind.REGISTERED, null, LocalDate.of(2020, 1, 1), 3,
                List.of(new HouseholdView.MemberView(personId, "Zhang Wei", RelationToHead.HEAD,
                        LocalDate.of(2020, 1, 1), Residency.PERMANENT, LocalDate.of(2020, 1, 1))));
        JsonNode view = masking.toJson(household, analyst);
        assertThat(view.get("address").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(view.get("members").get(0).get("name").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(view.get("members").get(0).get("relationToHead").asText()).isEqualTo("HEAD");
    }

    @Test
    void healthResultsAndEveryFreeTextAreMaskedWhateverTheirType() {
        JsonNode json = masking.toJson(new CheckUpRecorded(personId, new CheckUpId(UUID.randomUUID()),
                CheckUpType.REPRODUCTIVE_HEALTH, LocalDate.of(2026, 3, 1), "Xixi clinic", CheckUpResult.NORMAL, null,
                "all well", null), analyst);

        assertThat(json.get("result").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("notes").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("facility").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("type").asText()).isEqualTo("REPRODUCTIVE_HEALTH");
        assertThat(json.get("date").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void theNotesAndReasonsOfDecisionsAreMaskedButNotTheStageOrWhoDecided() {
        JsonNode json = masking.toJson(new BenefitClaimRejected(personId, new ClaimId(UUID.randomUUID()),
                Stage.TOWNSHIP_REVIEW, "the neighbour says he works in Ningbo", "clerk2", LocalDate.of(2026, 3, 1)),
                analyst);

        assertThat(json.get("reason").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("stage").asText()).isEqualTo("TOWNSHIP_REVIEW");
        assertThat(json.get("decidedBy").asText()).isEqualTo("clerk2");
    }

    /** A value of a type that is personal as a whole, as a place written by a clerk among community codes. */
    @PersonalData
    record WrittenPlace(@JsonValue String text) {
    }

    record Flow(Object origin, Object destination, List<Object> via) {
    }

    @Test
    void everyValueOfAPersonalTypeIsMaskedWhereverItOccurs() {
        Flow flow = new Flow(new WrittenPlace("Xinyang, Henan"), "330106001001",
                java.util.Arrays.asList(new WrittenPlace("Wuhan"), null));

        JsonNode json = masking.toJson(flow, analyst);

        assertThat(json.get("origin").asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("destination").asText()).isEqualTo("330106001001");
        assertThat(json.get("via").get(0).asText()).isEqualTo(PersonalDataMasking.MASK);
        assertThat(json.get("via").get(1).isNull()).isTrue();
        assertThat(masking.toJson(flow, auditor).get("origin").asText()).isEqualTo("Xinyang, Henan");
    }

    @Test
    void metadataShowsWhoRecordedAtWhichRequestAndMasksTheReasonAndAnyKeyNotKnownToBeImpersonal() {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("actor", "clerk");
        metaData.put("role", "CLERK");
        metaData.put("reason", "Zhang Wei asked by phone");
        metaData.put("requestId", "r-1");
        metaData.put("correlationId", "c-1");
        metaData.put("traceNote", "something added later");
        metaData.put("expectedVersion", 3L);

        Map<String, Object> masked = masking.metaData(metaData, true);

        assertThat(masked).containsEntry("actor", "clerk").containsEntry("role", "CLERK")
                          .containsEntry("requestId", "r-1").containsEntry("correlationId", "c-1")
                          .containsEntry("expectedVersion", 3L)
                          .containsEntry("reason", PersonalDataMasking.MASK)
                          .containsEntry("traceNote", PersonalDataMasking.MASK);
        assertThat(masking.metaData(metaData, false)).isEqualTo(metaData);
    }

    @Test
    void anAbsentPersonalValueStaysAbsent() {
        BirthRegistered birth = new BirthRegistered(personId, new PersonId(UUID.randomUUID()), null, "Xiao Ming",
                Sex.MALE, LocalDate.of(2026, 1, 1), null, null, householdId, RelationToHead.CHILD,
                Residency.PERMANENT);

        JsonNode json = masking.toJson(birth, analyst);

        assertThat(json.get("nationalId").isNull()).isTrue();
        assertThat(json.get("name").asText()).isEqualTo(PersonalDataMasking.MASK);
    }

    @Test
    void amountsKeepTheirTwoDecimalPlaces() {
        JsonNode json = masking.toJson(new org.registry.kernel.person.BenefitPaid(personId,
                new org.registry.kernel.benefit.ClaimId(UUID.randomUUID()), "2026-03", new java.math.BigDecimal("20.00"),
                LocalDate.of(2026, 3, 31)), analyst);

        assertThat(json.get("amount").toString()).isEqualTo("20.00");
    }

    @Test
    void anAuditorSeesEverything() {
        JsonNode json = masking.toJson(registered, auditor);

        assertThat(json.get("nationalId").asText()).isEqualTo("11010519491231002X");
        assertThat(json.get("name").asText()).isEqualTo("Zhang Wei");
        assertThat(json.get("certificate").get("number").asText()).isEqualTo("LD-3301-77");
    }
}
