package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;

import java.time.LocalDate;

/**
 * The public notice ended without a standing objection: the claim is granted and paid from this month.
 */
@Revision("1")
public record BenefitClaimGranted(PersonId personId,
                                  ClaimId claimId,
                                  LocalDate grantedOn) implements PersonEvent, ClaimFact {
}
