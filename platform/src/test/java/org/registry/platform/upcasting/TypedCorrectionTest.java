package org.registry.platform.upcasting;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;
import org.registry.platform.eventstore.EventStoreConfiguration;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections stored as revision 1 (the field's name and text values), read through the upcaster and serializer. */
class TypedCorrectionTest {

    private static final String PERSON = "0b7e4f0e-2c55-4c1e-9a51-3f3c1c2d9e10";
    private static final String TYPE = PersonDetailCorrected.class.getName();

    private final Serializer serializer = new EventStoreConfiguration().serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new TypedCorrection(),
            new PostalCodeOutOfAddress());

    private PersonDetailCorrected read(String revision, String json) {
        var entry = new GenericDomainEventEntry<>("Person", PERSON, 3, "e-1", "2024-03-01T02:00:00Z", TYPE, revision,
                json, "{}");
        Stream<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), entry)), serializer,
                upcasters);
        return (PersonDetailCorrected) messages.findFirst().orElseThrow().getPayload();
    }

    private PersonDetailCorrected revisionOne(String field, String oldValue, String newValue) {
        return read("1", """
                {"personId":"%s","field":"%s","oldValue":%s,"newValue":%s,"reason":"typed from the wrong form"}"""
                .formatted(PERSON, field, oldValue, newValue));
    }

    @Test
    void aNameCorrectionKeepsItsTexts() {
        PersonDetailCorrected event = revisionOne("name", "\"Wang Fang\"", "\"Wang Fan\"");

        assertThat(event).isEqualTo(new PersonDetailCorrected(new PersonId(UUID.fromString(PERSON)),
                new Correction.OfName("Wang Fang", "Wang Fan"), "typed from the wrong form"));
    }

    @Test
    void aBirthDateCorrectionHasDates() {
        assertThat(revisionOne("birthDate", "\"2026-01-10\"", "\"2026-01-09\"").correction())
                .isEqualTo(new Correction.OfBirthDate(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 9)));
    }

    @Test
    void aSexCorrectionHasSexes() {
        assertThat(revisionOne("sex", "\"MALE\"", "\"FEMALE\"").correction())
                .isEqualTo(new Correction.OfSex(Sex.MALE, Sex.FEMALE));
    }

    @Test
    void aNationalIdCorrectionOfAPersonWithoutOneHasNoOldId() {
        assertThat(revisionOne("nationalId", "null", "\"11010519491231002X\"").correction())
                .isEqualTo(new Correction.OfNationalId(null, new NationalId("11010519491231002X")));
    }

    @Test
    void anEthnicityRemovedHasNoNewValue() {
        assertThat(revisionOne("ethnicity", "\"Han\"", "null").correction())
                .isEqualTo(new Correction.OfEthnicity("Han", null));
    }

    @Test
    void aFieldStoredByItsConstantIsReadAsWell() {
        assertThat(revisionOne("BIRTH_DATE", "\"2001-02-03\"", "\"2001-03-02\"").correction())
                .isEqualTo(new Correction.OfBirthDate(LocalDate.of(2001, 2, 3), LocalDate.of(2001, 3, 2)));
    }

    @Test
    void aRevisionTwoEventIsLeftAlone() {
        PersonDetailCorrected event = read("2", """
                {"personId":"%s","correction":{"field":"sex","oldValue":"FEMALE","newValue":"MALE"},\
                "reason":null}""".formatted(PERSON));

        assertThat(event.correction()).isEqualTo(new Correction.OfSex(Sex.FEMALE, Sex.MALE));
        assertThat(event.reason()).isNull();
    }

    @Test
    void revisionTwoIsWhatTheSerializerWritesAndReadsBack() {
        PersonDetailCorrected event = new PersonDetailCorrected(new PersonId(UUID.fromString(PERSON)),
                new Correction.OfBirthDate(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 9)), "misread");
        String json = serializer.serialize(event, String.class).getData();

        assertThat(json).contains("\"correction\":{\"field\":\"birthDate\",\"oldValue\":\"2026-01-10\","
                + "\"newValue\":\"2026-01-09\"}");
        assertThat(read("2", json)).isEqualTo(event);
    }
}
