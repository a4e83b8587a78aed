package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/** A person stopped being a member of the household on {@code date}. */
@Revision("1")
public record MemberLeftHousehold(HouseholdId householdId,
                                  PersonId personId,
                                  LeavingReason reason,
                                  LocalDate date) implements HouseholdEvent {
}
