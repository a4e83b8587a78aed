package org.registry.kernel.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/** Register the birth of a child to a registered mother; the child joins a household. */
public record RegisterBirth(@TargetAggregateIdentifier PersonId childId,
                            PersonId motherId,
                            PersonId fatherId,
                            String name,
                            Sex sex,
                            LocalDate birthDate,
                            NationalId nationalId,
                            String ethnicity,
                            HouseholdId householdId,
                            RelationToHead relationToHead) {

    public RegisterBirth {
        Require.present(childId, "personId");
        Require.present(motherId, "motherId");
        name = Require.text(name, "name", TextLimits.NAME);
        Require.present(sex, "sex");
        Require.present(birthDate, "birthDate");
        ethnicity = Require.optionalText(ethnicity, "ethnicity", TextLimits.ETHNICITY);
        Require.present(householdId, "householdId");
        relationToHead = relationToHead == null ? RelationToHead.CHILD : relationToHead;
    }
}
