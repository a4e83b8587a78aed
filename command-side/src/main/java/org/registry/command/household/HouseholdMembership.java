package org.registry.command.household;

import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;

/**
 * What other aggregates' commands may ask of a household, within their own unit of work: a person's membership
 * begins or ends together with the fact on the person's record that causes it, in one transaction.
 */
public interface HouseholdMembership {

    /** The person joins the household; refused when it already has a head and {@code relation} is {@code HEAD}. */
    void admit(HouseholdId household, PersonId person, RelationToHead relation, LocalDate since);

    /** The person leaves the household. */
    void release(HouseholdId household, PersonId person, LeavingReason reason, LocalDate date);

    /** The person's record was entered in error: the household no longer has them. */
    void memberEnteredInError(HouseholdId household, PersonId person);

    /** The person leaves one household and joins another, on one date. */
    void transfer(PersonId person, HouseholdId from, HouseholdId to, RelationToHead relation, LocalDate date);
}
