package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;

/**
 * A person was entered in the register as a member of a household: a resident already living here
 * ({@code origin} null), or one who moved in from elsewhere ({@code origin} names the place).
 *
 * @param residentSince the day the person's stay here began (the business date)
 * @param origin        where the person came from, when the registration records a move in
 * @param certificate   a floating resident's certificate, if any
 */
@Revision("1")
public record PersonRegistered(PersonId personId,
                               @PersonalData NationalId nationalId,
                               @PersonalData String name,
                               Sex sex,
                               LocalDate birthDate,
                               @PersonalData String ethnicity,
                               MaritalStatus maritalStatus,
                               HouseholdId householdId,
                               RelationToHead relationToHead,
                               Residency residency,
                               LocalDate residentSince,
                               @PersonalData String origin,
                               MoveReason moveReason,
                               FloatingCertificate certificate) implements PersonEvent {
}
