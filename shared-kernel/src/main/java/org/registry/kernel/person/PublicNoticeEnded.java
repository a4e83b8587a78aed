package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;

import java.time.Instant;

/**
 * The public notice of a claim ran its full period. When no objection holds the claim it is granted at once;
 * otherwise it is granted when the last objection is dismissed. No objection is raised after this.
 *
 * @param heldByObjection whether an objection was open when the period ended
 */
@Revision("1")
public record PublicNoticeEnded(PersonId personId,
                                ClaimId claimId,
                                Instant endedAt,
                                boolean heldByObjection) implements PersonEvent, ClaimFact {
}
