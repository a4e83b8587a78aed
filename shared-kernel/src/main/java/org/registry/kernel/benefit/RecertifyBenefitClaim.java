package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

/** The annual re-certification of a granted claim (年审): it continues, or it exits with a reason. */
public record RecertifyBenefitClaim(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, Integer year,
                                    Recertification outcome, String reason) {

    public RecertifyBenefitClaim {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(year, "year");
        Require.present(outcome, "outcome");
        reason = Require.optionalNote(reason, "reason", TextLimits.REASON);
    }
}
