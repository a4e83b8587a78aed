package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

import java.time.LocalDate;

public record MovePersonOut(@TargetAggregateIdentifier PersonId personId,
                            LocalDate date,
                            String destination,
                            MoveReason reason) {

    public MovePersonOut {
        Require.present(personId, "personId");
        Require.present(date, "date");
        destination = Require.optionalText(destination, "place", 200);
    }
}
