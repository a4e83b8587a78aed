package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.time.LocalDate;

public record MovePersonOut(@TargetAggregateIdentifier PersonId personId,
                            LocalDate date,
                            String destination,
                            MoveReason reason) {

    public MovePersonOut {
        Require.present(personId, "personId");
        Require.date(date, "date");
        destination = Require.optionalText(destination, "place", TextLimits.PLACE);
    }
}
