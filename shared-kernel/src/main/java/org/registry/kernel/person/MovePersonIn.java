package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/**
 * A person on the register who had moved away lives here again: in their household, or in {@code toHouseholdId}.
 * With a certificate, as a floating resident.
 */
public record MovePersonIn(@TargetAggregateIdentifier PersonId personId,
                           LocalDate date,
                           String origin,
                           MoveReason reason,
                           HouseholdId toHouseholdId,
                           RelationToHead relationToHead,
                           FloatingCertificate certificate) {

    public MovePersonIn {
        Require.present(personId, "personId");
        Require.date(date, "date");
        origin = Require.optionalText(origin, "place", TextLimits.PLACE);
    }
}
