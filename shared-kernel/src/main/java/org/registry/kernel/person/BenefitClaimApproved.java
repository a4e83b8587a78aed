package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A level approved the claim at {@code stage}, by the clerk {@code decidedBy} (no clerk decides two stages of one
 * claim).
 */
@Revision("1")
public record BenefitClaimApproved(PersonId personId,
                                   ClaimId claimId,
                                   Stage stage,
                                   @PersonalData String note,
                                   String decidedBy,
                                   LocalDate decidedOn) implements PersonEvent, ClaimFact {
}
