package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

/** One level decides a claim: approve it to the next stage, or reject it with a reason ({@code note}). */
public record DecideBenefitClaim(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, Stage stage,
                                 Outcome outcome, String note) {

    public DecideBenefitClaim {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(stage, "stage");
        Require.present(outcome, "outcome");
        note = Require.optionalNote(note, "note", TextLimits.NOTE);
        if (outcome == Outcome.REJECT && note == null) {
            throw RejectionException.invalid("note", "VALIDATION_FAILED", "a rejection gives its reason in the note");
        }
    }
}
