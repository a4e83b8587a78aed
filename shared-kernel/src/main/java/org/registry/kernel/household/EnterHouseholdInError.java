package org.registry.kernel.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.util.UUID;

/** Takes back a household founded by import {@code importId}: refused when a later fact depends on the record. */
public record EnterHouseholdInError(@TargetAggregateIdentifier HouseholdId householdId, UUID importId,
                                    String reason) {

    public EnterHouseholdInError {
        Require.present(householdId, "householdId");
        Require.present(importId, "importId");
        reason = Require.note(reason, "reason", TextLimits.REASON);
    }
}
