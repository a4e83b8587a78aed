package org.registry.kernel.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.time.LocalDate;

/**
 * Enter a new household in the register. The id is chosen by the caller (the HTTP layer), never the aggregate.
 *
 * @param registeredOn the day the household was registered
 */
public record RegisterHousehold(@TargetAggregateIdentifier HouseholdId householdId,
                                CommunityCode communityCode,
                                String address,
                                PostalCode postalCode,
                                HouseholdKind kind,
                                String householdNumber,
                                LocalDate registeredOn) {

    public RegisterHousehold {
        Require.present(householdId, "householdId");
        Require.present(communityCode, "communityCode").requireKnown();
        address = Require.text(address, "address", TextLimits.PLACE);
        Require.present(kind, "kind");
        householdNumber = Require.optionalText(householdNumber, "householdNumber", TextLimits.NUMBER);
        Require.date(registeredOn, "date");
    }
}
