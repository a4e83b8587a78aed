package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

import java.util.UUID;

/**
 * The household's record was entered in error by import {@code importId}, which was taken back: the household is
 * not on the register (every view drops it), and the record accepts no further fact.
 */
@Revision("1")
public record HouseholdEnteredInError(HouseholdId householdId, UUID importId, @PersonalData String reason)
        implements HouseholdEvent {
}
