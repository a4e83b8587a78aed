package org.registry.kernel.person;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimView;
import org.registry.kernel.checkup.CheckUpView;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as the register shows it ({@code GET /api/persons/{id}}).
 *
 * @param householdId   the household the person is a member of now; null after death or leaving as a floating
 *                      resident
 * @param communityCode the community of that household, or of the last one
 * @param birthOrder    among the mother's live births, by birth date; null when the mother is not on the register
 * @param version       the person's version: the sequence number of the last event on the record
 * @param checkUps      the person's check-ups, latest first
 * @param claims        the person's benefit claims, each with its status
 */
public record PersonView(PersonId personId,
                         @PersonalData NationalId nationalId,
                         @PersonalData String name,
                         Sex sex,
                         LocalDate birthDate,
                         @PersonalData String ethnicity,
                         MaritalStatus maritalStatus,
                         Residency residency,
                         HouseholdId householdId,
                         RelationToHead relationToHead,
                         CommunityCode communityCode,
                         LocalDate residentSince,
                         @PersonalData String origin,
                         FloatingCertificate certificate,
                         PersonId motherId,
                         PersonId fatherId,
                         Integer birthOrder,
                         LocalDate diedOn,
                         long version,
                         List<CheckUpView> checkUps,
                         List<ClaimView> claims) {

    public PersonView {
        checkUps = checkUps == null ? List.of() : List.copyOf(checkUps);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
