package org.registry.kernel.person;

import org.registry.kernel.benefit.ClaimId;

/** A fact about one benefit claim of the person: readers route it to the claim by its id. */
public interface ClaimFact {

    ClaimId claimId();
}
