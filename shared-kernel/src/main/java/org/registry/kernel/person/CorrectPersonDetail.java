package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

/** Correct a wrongly recorded detail; the value is the detail's text form (a date as YYYY-MM-DD, a sex as MALE). */
public record CorrectPersonDetail(@TargetAggregateIdentifier PersonId personId,
                                  CorrectableField field,
                                  String value,
                                  String reason) {

    public CorrectPersonDetail {
        Require.present(personId, "personId");
        Require.present(field, "field");
        value = Require.optionalText(value, "value", TextLimits.CORRECTION);
        reason = Require.note(reason, "reason", TextLimits.REASON);
    }
}
