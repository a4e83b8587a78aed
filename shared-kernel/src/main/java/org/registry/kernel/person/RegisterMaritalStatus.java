package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;

import java.time.LocalDate;

/** Register a marriage ({@code MARRIED}), a divorce ({@code DIVORCED}) or widowhood ({@code WIDOWED}). */
public record RegisterMaritalStatus(@TargetAggregateIdentifier PersonId personId,
                                    MaritalStatus maritalStatus,
                                    LocalDate date) {

    public RegisterMaritalStatus {
        Require.present(personId, "personId");
        Require.present(maritalStatus, "maritalStatus");
        Require.date(date, "date");
    }
}
