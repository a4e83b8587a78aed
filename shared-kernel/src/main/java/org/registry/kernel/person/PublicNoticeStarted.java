package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.benefit.ClaimId;

import java.time.Instant;

/**
 * The county approved the claim; its public notice runs until {@code endsAt}, a clock the service keeps.
 */
@Revision("1")
public record PublicNoticeStarted(PersonId personId,
                                  ClaimId claimId,
                                  Instant startedAt,
                                  Instant endsAt) implements PersonEvent, ClaimFact {
}
