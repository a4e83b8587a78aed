package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

public record AddNationalId(@TargetAggregateIdentifier PersonId personId, NationalId nationalId) {

    public AddNationalId {
        Require.present(personId, "personId");
        Require.present(nationalId, "nationalId");
    }
}
