package org.registry.query.residence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where a household was from {@code validFrom} until {@code validTo} (exclusive; null while it lasts). The first
 * place of a household also holds before the household was registered: members may have lived in it before the
 * office entered it in the register.
 */
record Place(UUID householdId, String communityCode, LocalDate validFrom, LocalDate validTo) {
}
