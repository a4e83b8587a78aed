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

    private Aggregate<Household> load(HouseholdId id) {
        try {
            return households.load(id.toString());
        } catch (AggregateNotFoundException e) {
            throw RejectionException.notFound("HOUSEHOLD_NOT_FOUND", "no household with id " + id);
        }
    }
}
