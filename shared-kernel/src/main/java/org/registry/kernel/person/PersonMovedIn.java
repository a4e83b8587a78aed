package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/**
 * A person on the register who had moved away came (back) to live here on {@code date}, ending the
 * {@code MOVED_OUT} state: as a resident, or as a floating resident with a certificate.
 *
 * @param householdId    the household the person lives in from now on
 * @param relationToHead the person's relation to its head
 */
@Revision("1")
public record PersonMovedIn(PersonId personId,
                            LocalDate date,
                            @PersonalData String origin,
                            MoveReason reason,
                            Residency residency,
                            HouseholdId householdId,
                            RelationToHead relationToHead,
                            FloatingCertificate certificate) implements PersonEvent {
}
