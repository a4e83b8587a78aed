package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/**
 * A child was born to a registered mother and entered in the register. The birth order is not part of the
 * fact: it is derived from the mother's live births ordered by birth date, so a birth registered late
 * takes its place among its siblings.
 *
 * @param residency {@code PERMANENT}, or the mother's residency when she lives here as a floating resident
 */
@Revision("1")
public record BirthRegistered(PersonId personId,
                              PersonId motherId,
                              PersonId fatherId,
                              @PersonalData String name,
                              Sex sex,
                              LocalDate birthDate,
                              @PersonalData NationalId nationalId,
                              @PersonalData String ethnicity,
                              HouseholdId householdId,
                              RelationToHead relationToHead,
                              Residency residency) implements PersonEvent {
}
