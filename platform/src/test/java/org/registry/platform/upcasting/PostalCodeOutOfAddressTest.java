package org.registry.platform.upcasting;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.PostalCode;
import org.registry.platform.eventstore.EventStoreConfiguration;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Old stored JSON of revision 1, as the store holds it, read through Axon's upcaster chain and serializer. */
class PostalCodeOutOfAddressTest {

    private final Serializer serializer = new EventStoreConfiguration().serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new PostalCodeOutOfAddress());

    private Object read(String type, String revision, String json) {
        var entry = new GenericDomainEventEntry<>("Household", "6a3c9e4e-8a8f-4a44-9d77-0ad1f5f7b0a1", 0,
                "e-1", "2024-03-01T02:00:00Z", type, revision, json, "{}");
        Stream<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), entry)), serializer,
                upcasters);
        return messages.findFirst().orElseThrow().getPayload();
    }

    private static String registered(String address) {
        return """
                {"householdId":"6a3c9e4e-8a8f-4a44-9d77-0ad1f5f7b0a1","communityCode":"330106001001",\
                "address":%s,"kind":"REGISTERED","householdNumber":"H-1","registeredOn":"2024-03-01"}"""
                .formatted(address);
    }

    @Test
    void aRevisionOneRegistrationWithTheCodeAtTheEndOfItsAddressHasItInAFieldOfItsOwn() {
        HouseholdRegistered event = (HouseholdRegistered) read(HouseholdRegistered.class.getName(), "1",
                registered("\"1 Wensan Road, 310012\""));

        assertThat(event.address()).isEqualTo("1 Wensan Road");
        assertThat(event.postalCode()).isEqualTo(PostalCode.of("310012"));
        assertThat(event.kind()).isEqualTo(HouseholdKind.REGISTERED);
        assertThat(event.householdNumber()).isEqualTo("H-1");
        assertThat(event.registeredOn()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void aLabelledChineseCodeIsSplitOffToo() {
        HouseholdRegistered event = (HouseholdRegistered) read(HouseholdRegistered.class.getName(), "1",
                registered("\"文三路1号 邮编：310012\""));

        assertThat(event.address()).isEqualTo("文三路1号");
        assertThat(event.postalCode()).isEqualTo(PostalCode.of("310012"));
    }

    @Test
    void anAddressWithoutACodeIsKeptAsItWas() {
        HouseholdRegistered event = (HouseholdRegistered) read(HouseholdRegistered.class.getName(), "1",
                registered("\"Building 3, Room 502\""));

        assertThat(event.address()).isEqualTo("Building 3, Room 502");
        assertThat(event.postalCode()).isNull();
    }

    @Test
    void aRevisionOneRelocationIsUpcastTheSameWay() {
        HouseholdRelocated event = (HouseholdRelocated) read(HouseholdRelocated.class.getName(), "1", """
                {"householdId":"6a3c9e4e-8a8f-4a44-9d77-0ad1f5f7b0a1","fromCommunityCode":"330106001001",\
                "communityCode":"330106002003","address":"8 Xixi Road 310013","date":"2025-01-02"}""");

        assertThat(event.address()).isEqualTo("8 Xixi Road");
        assertThat(event.postalCode()).isEqualTo(PostalCode.of("310013"));
        assertThat(event.fromCommunityCode().value()).isEqualTo("330106001001");
    }

    @Test
    void aRevisionTwoEventIsLeftAlone() {
        HouseholdRegistered event = (HouseholdRegistered) read(HouseholdRegistered.class.getName(), "2", """
                {"householdId":"6a3c9e4e-8a8f-4a44-9d77-0ad1f5f7b0a1","communityCode":"330106001001",\
                "address":"No. 5, 100001","postalCode":null,"kind":"REGISTERED","householdNumber":null,\
                "registeredOn":"2024-03-01"}""");

        assertThat(event.address()).isEqualTo("No. 5, 100001");
        assertThat(event.postalCode()).isNull();
    }
}
