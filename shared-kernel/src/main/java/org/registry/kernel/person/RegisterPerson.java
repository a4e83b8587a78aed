package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/**
 * Enter a person living here in the register, as a member of a household: a resident ({@code PERMANENT}) or a
 * floating resident ({@code FLOATING_IN}, registered elsewhere). With an {@code origin} it records a move in.
 *
 * @param residentSince the day the person's stay here began; when null, the day of the registration (the person
 *                      aggregate decides it by the registry's clock)
 */
public record RegisterPerson(@TargetAggregateIdentifier PersonId personId,
                             NationalId nationalId,
                             String name,
                             Sex sex,
                             LocalDate birthDate,
                             String ethnicity,
                             MaritalStatus maritalStatus,
                             HouseholdId householdId,
                             RelationToHead relationToHead,
                             Residency residency,
                             LocalDate residentSince,
                             String origin,
                             MoveReason moveReason,
                             FloatingCertificate certificate) {

    public RegisterPerson {
        Require.present(personId, "personId");
        Require.present(nationalId, "nationalId");
        name = Require.text(name, "name", TextLimits.NAME);
        Require.present(sex, "sex");
        Require.present(birthDate, "birthDate");
        ethnicity = Require.optionalText(ethnicity, "ethnicity", TextLimits.ETHNICITY);
        maritalStatus = maritalStatus == null ? MaritalStatus.SINGLE : maritalStatus;
        Require.present(householdId, "householdId");
        Require.present(relationToHead, "relationToHead");
        Require.present(residency, "residency");
        if (!residency.livesHere()) {
            throw RejectionException.invalid("residency", "VALIDATION_FAILED",
                    "a person is registered as PERMANENT or FLOATING_IN; moves out and deaths are recorded as such");
        }
        if (residentSince != null) {
            Require.date(residentSince, "residentSince");
        }
        origin = Require.optionalText(origin, "origin", TextLimits.PLACE);
        if (residency == Residency.FLOATING_IN && origin == null) {
            throw RejectionException.invalid("origin", "VALIDATION_FAILED",
                    "a floating resident's registration names the place of origin");
        }
        if (moveReason != null && origin == null) {
            throw RejectionException.invalid("origin", "VALIDATION_FAILED", "a move reason goes with an origin");
        }
    }
}
