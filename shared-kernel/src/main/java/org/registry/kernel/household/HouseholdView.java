package org.registry.kernel.household;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.List;

/**
 * A household as the register shows it ({@code GET /api/households/{id}}).
 *
 * @param version the household's version: the sequence number of its last event
 */
public record HouseholdView(HouseholdId householdId,
                            CommunityCode communityCode,
                            @PersonalData String address,
                            PostalCode postalCode,
                            HouseholdKind kind,
                            @PersonalData String householdNumber,
                            LocalDate registeredOn,
                            long version,
                            List<MemberView> members) {

    public HouseholdView {
        members = List.copyOf(members);
    }

    /** A member of the household and how they relate to its head. */
    public record MemberView(PersonId personId, @PersonalData String name, RelationToHead relationToHead,
                             LocalDate since) {
    }
}
