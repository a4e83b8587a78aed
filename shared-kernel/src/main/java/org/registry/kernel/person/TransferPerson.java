package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/** Move a person from their household to another one, in one step. */
public record TransferPerson(@TargetAggregateIdentifier PersonId personId,
                             HouseholdId toHouseholdId,
                             RelationToHead relationToHead,
                             LocalDate date) {

    public TransferPerson {
        Require.present(personId, "personId");
        Require.present(toHouseholdId, "toHouseholdId");
        Require.present(relationToHead, "relationToHead");
        Require.date(date, "date");
    }
}
