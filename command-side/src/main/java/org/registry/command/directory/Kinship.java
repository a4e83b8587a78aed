package org.registry.command.directory;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the register knows of a person's children and home, for the eligibility of benefit claims. */
public interface Kinship {

    /** The children born to the person (as mother or father), living or not. */
    List<Relative> childrenOf(PersonId parent);

    Optional<Relative> find(PersonId person);

    /** The community of the household the person belongs to, or last belonged to. */
    Optional<CommunityCode> communityOf(PersonId person);

    record Relative(PersonId personId, Sex sex, LocalDate birthDate, LocalDate diedOn) {

        public boolean livingOn(LocalDate date) {
            return !birthDate.isAfter(date) && (diedOn == null || diedOn.isAfter(date));
        }

        public int ageOn(LocalDate date) {
            return java.time.Period.between(birthDate, date).getYears();
        }
    }
}
