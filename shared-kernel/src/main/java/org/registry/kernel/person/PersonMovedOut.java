package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * The person went to live elsewhere on {@code date}. A resident registered here stays on the register as
 * {@code MOVED_OUT} (流出) and in the household; a floating resident also leaves the household, which was
 * only where they lived.
 *
 * @param leftHousehold whether the move ended the person's household membership
 */
@Revision("1")
public record PersonMovedOut(PersonId personId,
                             LocalDate date,
                             @PersonalData String destination,
                             MoveReason reason,
                             Residency previousResidency,
                             boolean leftHousehold) implements PersonEvent {
}
