package org.registry.query.dashboard;

import org.registry.kernel.common.PersonalData;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person behind a figure, with the name and ID the register holds now.
 *
 * @param communityCode where the person lived, as the figure counts them
 * @param date          the day that puts the person in the figure: the birth, the death, the move; for a count of
 *                      who lived somewhere on a day, the day their stay there began
 * @param birthOrder    for a birth: the child's order among its mother's live births; null otherwise
 */
public record ResidentRecord(UUID personId,
                             @PersonalData String name,
                             @PersonalData String nationalId,
                             Sex sex,
                             LocalDate birthDate,
                             Residency residency,
                             MaritalStatus maritalStatus,
                             String communityCode,
                             UUID householdId,
                             LocalDate date,
                             Integer birthOrder) {
}
