package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/** A person became a member of the household on {@code date}. */
@Revision("1")
public record MemberJoinedHousehold(HouseholdId householdId,
                                    PersonId personId,
                                    RelationToHead relationToHead,
                                    LocalDate date) implements HouseholdEvent {
}
