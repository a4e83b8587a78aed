package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

/** A person applies for a benefit (个人申请). */
public record FileBenefitClaim(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, Programme programme,
                               String basis) {

    public FileBenefitClaim {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(programme, "programme");
        basis = Require.optionalNote(basis, "basis", TextLimits.NOTE);
    }
}
