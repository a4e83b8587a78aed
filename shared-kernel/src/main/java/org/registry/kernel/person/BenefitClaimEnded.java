package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.EndReason;

import java.time.LocalDate;

/**
 * A granted claim ended on {@code endedOn}, for {@code reason}: exited, the only child turned 14 or died, the
 * beneficiary died or moved away.
 */
@Revision("1")
public record BenefitClaimEnded(PersonId personId,
                                ClaimId claimId,
                                EndReason reason,
                                LocalDate endedOn) implements PersonEvent, ClaimFact {
}
