package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.person.PersonId;

/**
 * A member's record was entered in error ({@code PersonEnteredInError}): the household no longer counts them. Not a
 * departure (the person never lived here as far as the register knows): the views drop the person on the person's
 * own event, and this one keeps the household's record (its head, its members) true.
 */
@Revision("1")
public record MemberEnteredInError(HouseholdId householdId, PersonId personId) implements HouseholdEvent {
}
