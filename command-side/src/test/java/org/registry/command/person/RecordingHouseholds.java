package org.registry.command.person;

import org.registry.command.household.HouseholdMembership;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the households in person fixtures: notes what was asked of them, refuses a second head. */
final class RecordingHouseholds implements HouseholdMembership {

    final List<String> calls = new ArrayList<>();
    boolean headed;

    @Override
    public void admit(HouseholdId household, PersonId person, RelationToHead relation, LocalDate since) {
        if (relation == RelationToHead.HEAD && headed) {
            throw RejectionException.conflict("HOUSEHOLD_HAS_HEAD", "household " + household + " has a head");
        }
        calls.add("admit " + household + " " + person + " " + relation + " " + since);
    }

    @Override
    public void release(HouseholdId household, PersonId person, LeavingReason reason, LocalDate date) {
        calls.add("release " + household + " " + person + " " + reason + " " + date);
    }

    @Override
    public void memberEnteredInError(HouseholdId household, PersonId person) {
        calls.add("entered in error " + household + " " + person);
    }

    @Override
    public void transfer(PersonId person, HouseholdId from, HouseholdId to, RelationToHead relation, LocalDate date) {
        release(from, person, LeavingReason.TRANSFERRED, date);
        admit(to, person, relation, date);
    }
}
