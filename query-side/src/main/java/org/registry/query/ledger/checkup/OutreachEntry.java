package org.registry.query.ledger.checkup;

import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An eligible woman of the check-up ledger.
 *
 * @param age           her age on the last day of the period
 * @param lastCheckUpOn her latest check-up on or before the last day of the period, if any
 */
public record OutreachEntry(UUID personId,
                            @PersonalData String name,
                            @PersonalData String nationalId,
                            LocalDate birthDate,
                            int age,
                            String communityCode,
                            UUID householdId,
                            LocalDate lastCheckUpOn) {
}
