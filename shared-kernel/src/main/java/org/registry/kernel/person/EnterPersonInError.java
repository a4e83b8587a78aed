package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.util.UUID;

/** Takes back a person registered by import {@code importId}: refused when a later fact depends on the record. */
public record EnterPersonInError(@TargetAggregateIdentifier PersonId personId, UUID importId, String reason) {

    public EnterPersonInError {
        Require.present(personId, "personId");
        Require.present(importId, "importId");
        reason = Require.note(reason, "reason", TextLimits.REASON);
    }
}
