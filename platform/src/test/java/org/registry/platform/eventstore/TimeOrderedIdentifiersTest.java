package org.registry.platform.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's messages get time-ordered identifiers: the store's index of event identifiers grows at its end. */
class TimeOrderedIdentifiersTest {

    @Test
    void eventsAreIdentifiedByVersion7UuidsInTheOrderTheyAreMade() {
        List<String> identifiers = IntStream.range(0, 10_000)
                .mapToObj(i -> GenericEventMessage.asEventMessage("event " + i).getIdentifier())
                .toList();

        assertThat(identifiers).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        List<String> sorted = new ArrayList<>(identifiers);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(identifiers);
        assertThat(identifiers).doesNotHaveDuplicates();
    }
}
