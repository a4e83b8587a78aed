package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

/** An objection is upheld (the claim is rejected) or dismissed (the notice goes on). */
public record ResolveObjection(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, ObjectionId objectionId,
                               Boolean upheld, String note) {

    public ResolveObjection {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(objectionId, "objectionId");
        Require.present(upheld, "upheld");
        note = Require.optionalNote(note, "note", TextLimits.NOTE);
    }
}
