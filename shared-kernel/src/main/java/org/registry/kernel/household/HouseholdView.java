package org.registry.kernel.household;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.PersonalData;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;

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

    /**
     * A member of the household and how they relate to its head, and where they live. A member who moved away
     * stays in a household of the register ({@code MOVED_OUT}) until they return; one who died stays listed,
     * {@code DECEASED}, after the living, as the household booklet keeps a cancelled page.
     *
     * @param since          the day they joined the household
     * @param residency      the person's residency ({@code PERMANENT}, {@code FLOATING_IN}, {@code MOVED_OUT},
     *                       {@code DECEASED})
     * @param residencySince the day it began: the stay here, the move away or back, the death
     */
    public record MemberView(PersonId personId, @PersonalData String name, RelationToHead relationToHead,
                             LocalDate since, Residency residency, LocalDate residencySince) {
    }
}
