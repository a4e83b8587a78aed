package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/** The person left one household and joined another on {@code date}, in one step. */
@Revision("1")
public record PersonTransferred(PersonId personId,
                                HouseholdId fromHouseholdId,
                                HouseholdId toHouseholdId,
                                RelationToHead relationToHead,
                                LocalDate date) implements PersonEvent {
}
