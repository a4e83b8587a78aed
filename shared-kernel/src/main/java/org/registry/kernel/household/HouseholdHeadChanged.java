package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/**
 * A member became the head of the household on {@code date}. The previous head, if still a member, relates to
 * the new head as {@code previousHeadRelation} (a spouse for a spouse, a parent for a child...).
 */
@Revision("1")
public record HouseholdHeadChanged(HouseholdId householdId,
                                   PersonId headId,
                                   PersonId previousHeadId,
                                   RelationToHead previousHeadRelation,
                                   LocalDate date) implements HouseholdEvent {
}
