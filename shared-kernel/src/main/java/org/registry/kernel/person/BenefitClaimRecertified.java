package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Recertification;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * The annual re-certification of the claim for {@code year}: it continues, or it exits (then it also ends).
 */
@Revision("1")
public record BenefitClaimRecertified(PersonId personId,
                                      ClaimId claimId,
                                      int year,
                                      Recertification outcome,
                                      @PersonalData String reason,
                                      LocalDate recertifiedOn) implements PersonEvent, ClaimFact {
}
