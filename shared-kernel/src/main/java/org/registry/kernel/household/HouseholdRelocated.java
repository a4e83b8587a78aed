package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * The whole household moved to a new address, possibly in another community, on {@code date}.
 * The community it left is kept beside the new one, so that a migration flow can be read from this fact alone.
 *
 * <p>Revision 2 keeps the postal code of the new address beside it (see {@link HouseholdRegistered}).
 *
 * @param postalCode the postal code of the new address, when known
 */
@Revision("2")
public record HouseholdRelocated(HouseholdId householdId,
                                 CommunityCode fromCommunityCode,
                                 CommunityCode communityCode,
                                 @PersonalData String address,
                                 PostalCode postalCode,
                                 LocalDate date) implements HouseholdEvent {
}
