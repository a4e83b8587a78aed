package org.registry.kernel.household;

/**
 * Facts about one household, in the order they were recorded on its stream. The business date of each
 * fact is a field of the event; the instant it was recorded is the message timestamp.
 */
public sealed interface HouseholdEvent permits HouseholdRegistered, HouseholdRelocated, MemberJoinedHousehold,
        MemberLeftHousehold, HouseholdHeadChanged, MemberEnteredInError, HouseholdEnteredInError {

    HouseholdId householdId();
}
