package org.registry.query.ledger.checkup;

import org.junit.jupiter.api.Test;
import org.registry.query.UnreadPayloads;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The check-up ledger's handlers, called as the event processor calls them. */
class CheckUpLedgerHandlersTest {

    @Test
    void anEventTheLedgerDoesNotKeepIsTakenWithoutItsPayloadBeingRead() {
        CheckUpLedger ledger = new CheckUpLedger(null);

        assertThatCode(() -> UnreadPayloads.handle(ledger, UnreadPayloads.event(7, Map.of())))
                .doesNotThrowAnyException();
    }
}
