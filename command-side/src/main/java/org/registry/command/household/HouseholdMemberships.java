package org.registry.command.household;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.PersonId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Loads the household into the current unit of work and lets it decide. */
@Component
class HouseholdMemberships implements HouseholdMembership {

    private final Repository<Household> households;

    HouseholdMemberships(Repository<Household> households) {
        this.households = households;
    }

    @Override
    public void admit(HouseholdId household, PersonId person, RelationToHead relation, LocalDate since) {
        load(household).execute(it -> it.admit(person, relation, since));
    }

    @Override
    public void release(HouseholdId household, PersonId person, LeavingReason reason, LocalDate date) {
        load(household).execute(it -> it.release(person, reason, date));
    }

    @Override
    public void memberEnteredInError(HouseholdId household, PersonId person) {
        try {
            households.load(household.toString()).execute(it -> it.memberEnteredInError(person));
        } catch (AggregateNotFoundException e) {
            throw RejectionException.notFound("HOUSEHOLD_NOT_FOUND", "no household with id " + household);
        }
    }

    /**
     * Both households are loaded, and so locked, in the order of their ids: two transfers in opposite directions
     * then wait for each other instead of deadlocking.
     */
    @Override
    public void transfer(PersonId person, HouseholdId from, HouseholdId to, RelationToHead relation, LocalDate date) {
        boolean fromFirst = from.toString().compareTo(to.toString()) < 0;
        Aggregate<Household> first = load(fromFirst ? from : to);
        Aggregate<Household> second = load(fromFirst ? to : from);
        (fromFirst ? first : second).execute(it -> it.release(person, LeavingReason.TRANSFERRED, date));
        (fromFirst ? second : first).execute(it -> it.admit(person, relation, date));
    }

    /** Loads a household; a record entered in error is refused ({@code 409 RECORD_ENTERED_IN_ERROR}). */
    private Aggregate<Household> load(HouseholdId id) {
        Aggregate<Household> household;
        try {
            household = households.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw RejectionException.notFound("HOUSEHOLD_NOT_FOUND", "no household with id " + id);
        }
        household.execute(Household::requireNotEnteredInError);
        return household;
    }
}
