package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * The claim was refused: at {@code stage}, or (stage null) by an objection upheld during the public notice.
 */
@Revision("1")
public record BenefitClaimRejected(PersonId personId,
                                   ClaimId claimId,
                                   Stage stage,
                                   @PersonalData String reason,
                                   String decidedBy,
                                   LocalDate decidedOn) implements PersonEvent, ClaimFact {
}
