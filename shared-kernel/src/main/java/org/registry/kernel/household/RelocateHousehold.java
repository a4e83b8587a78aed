package org.registry.kernel.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.time.LocalDate;

/** Move the whole household to a new address and/or community, on {@code date}. */
public record RelocateHousehold(@TargetAggregateIdentifier HouseholdId householdId,
                                CommunityCode communityCode,
                                String address,
                                PostalCode postalCode,
                                LocalDate date) {

    public RelocateHousehold {
        Require.present(householdId, "householdId");
        Require.present(communityCode, "communityCode").requireKnown();
        address = Require.text(address, "address", TextLimits.PLACE);
        Require.date(date, "date");
    }
}
