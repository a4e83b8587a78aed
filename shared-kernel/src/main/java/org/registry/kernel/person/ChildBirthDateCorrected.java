package org.registry.kernel.person;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * On a parent's own record: the birth date of a child was corrected (the child's record holds the correction
 * itself). The parent's births, and what depends on them (birth order, spacing, an award's end), follow it.
 */
@Revision("1")
public record ChildBirthDateCorrected(PersonId personId,
                                      PersonId childId,
                                      LocalDate previousBirthDate,
                                      LocalDate birthDate) implements PersonEvent {
}
