package org.registry.command.directory;

import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;

import java.util.Map;
import java.util.Optional;

/** Who holds a national ID on the register: the lookup behind "one ID, one person". */
@FunctionalInterface
public interface NationalIdHolders {

    Optional<PersonId> holderOf(NationalId nationalId);

    /** Refuses with {@code 409 DUPLICATE_NATIONAL_ID}, naming the holder, when another person holds the ID. */
    default void requireFree(NationalId nationalId, PersonId claimant) {
        holderOf(nationalId).filter(holder -> !holder.equals(claimant))
                            .ifPresent(holder -> {
                                throw duplicate(nationalId, holder);
                            });
    }

    static RejectionException duplicate(NationalId nationalId, PersonId holder) {
        return RejectionException.conflict("DUPLICATE_NATIONAL_ID",
                "national ID " + nationalId + " belongs to person " + holder, Map.of("personId", holder.toString()));
    }
}
