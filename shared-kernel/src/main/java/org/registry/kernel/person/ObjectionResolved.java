package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * An objection was upheld (the claim is refused) or dismissed (the notice goes on).
 */
@Revision("1")
public record ObjectionResolved(PersonId personId,
                                ClaimId claimId,
                                ObjectionId objectionId,
                                boolean upheld,
                                @PersonalData String note,
                                String resolvedBy,
                                LocalDate resolvedOn) implements PersonEvent, ClaimFact {
}
