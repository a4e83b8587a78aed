package org.registry.query.ledger.floating;

import org.registry.kernel.common.PersonalData;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An entry of the floating-population register.
 *
 * @param since             IN: the day the person came to live here; OUT: the day the person moved away
 * @param until             the day the entry ended (the floating resident left, the resident came back, or died);
 *                          null while it lasts
 * @param origin            IN: where the person came from
 * @param destination       OUT: where the person went; IN: where a floating resident went when leaving
 * @param certificateStatus IN: the certificate on the day read for ({@code asOf}, or {@code to})
 */
public record FloatingEntry(UUID personId,
                            @PersonalData String name,
                            @PersonalData String nationalId,
                            Sex sex,
                            LocalDate birthDate,
                            Direction direction,
                            String communityCode,
                            UUID householdId,
                            LocalDate since,
                            LocalDate until,
                            @PersonalData String origin,
                            @PersonalData String destination,
                            MoveReason moveReason,
                            @PersonalData String certificateNumber,
                            LocalDate certificateExpiry,
                            CertificateStatus certificateStatus) {
}
