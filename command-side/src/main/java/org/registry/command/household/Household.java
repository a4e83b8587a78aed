package org.registry.command.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelocateHousehold;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A household (户): where it is registered, and the moves of the household as a whole. */
@Aggregate
class Household {

    @AggregateIdentifier
    private HouseholdId householdId;
    private CommunityCode communityCode;
    private String address;
    /** The date of the latest fact that places the household somewhere; moves may not be dated before it. */
    private LocalDate settledOn;

    Household() {
        // for Axon
    }

    @CommandHandler
    Household(RegisterHousehold command, Clock clock) {
        Require.notInFuture(command.registeredOn(), LocalDate.now(clock), "date");
        apply(new HouseholdRegistered(command.householdId(), command.communityCode(), command.address(),
                command.kind(), command.householdNumber(), command.registeredOn()));
    }

    @CommandHandler
    void handle(RelocateHousehold command, Clock clock) {
        Require.notInFuture(command.date(), LocalDate.now(clock), "date");
        if (command.date().isBefore(settledOn)) {
            throw RejectionException.invalid("date", "DATE_BEFORE_LAST_MOVE",
                    "the household is registered at its address since " + settledOn
                            + "; a relocation cannot be dated " + command.date());
        }
        if (command.communityCode().equals(communityCode) && command.address().equals(address)) {
            throw RejectionException.unprocessable("address", "NOTHING_CHANGES",
                    "the household already lives at this address in community " + communityCode);
        }
        apply(new HouseholdRelocated(householdId, communityCode, command.communityCode(), command.address(),
                command.date()));
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        householdId = event.householdId();
        communityCode = event.communityCode();
        address = event.address();
        settledOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(HouseholdRelocated event) {
        communityCode = event.communityCode();
        address = event.address();
        settledOn = event.date();
    }
}
