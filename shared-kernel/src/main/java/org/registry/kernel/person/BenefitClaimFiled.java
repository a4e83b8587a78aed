package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A person applied for a benefit on {@code filedOn}; {@code basis} is what the applicant states.
 *
 * @param childId the only child the claim rests on (the award, special support), as the register knew it
 */
@Revision("1")
public record BenefitClaimFiled(PersonId personId,
                                ClaimId claimId,
                                Programme programme,
                                PersonId childId,
                                @PersonalData String basis,
                                LocalDate filedOn) implements PersonEvent, ClaimFact {
}
