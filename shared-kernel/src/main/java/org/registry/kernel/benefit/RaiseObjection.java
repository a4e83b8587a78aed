package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

/** Someone objects to a claim on public notice; the claim is held until the objection is resolved. */
public record RaiseObjection(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, ObjectionId objectionId,
                             String note) {

    public RaiseObjection {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(objectionId, "objectionId");
        note = Require.note(note, "note", TextLimits.NOTE);
    }
}
