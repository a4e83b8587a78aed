package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * Someone objected to the claim during its public notice; the claim is held until it is resolved.
 */
@Revision("1")
public record ObjectionRaised(PersonId personId,
                              ClaimId claimId,
                              ObjectionId objectionId,
                              @PersonalData String note,
                              LocalDate raisedOn) implements PersonEvent, ClaimFact {
}
