package org.registry.query.residence;

import org.junit.jupiter.api.Test;
import org.registry.query.UnreadPayloads;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The residence history's handlers, called as the event processor calls them. */
class ResidenceHistoryHandlersTest {

    @Test
    void anEventTheHistoryDoesNotKeepIsTakenWithoutItsPayloadBeingRead() {
        ResidenceHistory history = new ResidenceHistory(null, Clock.systemUTC());

        assertThatCode(() -> UnreadPayloads.handle(history, UnreadPayloads.event(7, Map.of())))
                .doesNotThrowAnyException();
    }
}
