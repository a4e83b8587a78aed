package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

import java.time.LocalDate;

public record RegisterDeath(@TargetAggregateIdentifier PersonId personId, LocalDate date) {

    public RegisterDeath {
        Require.present(personId, "personId");
        Require.date(date, "date");
    }
}
