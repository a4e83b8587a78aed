package org.registry.kernel.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/** Make a member the head of the household. */
public record ChangeHouseholdHead(@TargetAggregateIdentifier HouseholdId householdId, PersonId personId, LocalDate date) {

    public ChangeHouseholdHead {
        Require.present(householdId, "householdId");
        Require.present(personId, "personId");
        Require.date(date, "date");
    }
}
