package org.registry.kernel.person;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a person lives relative to the register, and since which day, as a fact on their record sets it: a
 * registration (living here since the stay began), a birth, a move out, a move back in, a death. The household
 * register shows it beside every member, and the household as of an instant folds the same facts through this one
 * rule, so the two cannot disagree.
 *
 * @param since the business day the residency began: the registration's {@code residentSince}, the birth date, the
 *              date of the move, the date of death
 */
public record ResidencyChange(Residency residency, LocalDate since) {

    /** The residency a fact of a person's record sets, if it sets one. */
    public static Optional<ResidencyChange> of(Object event) {
        if (event instanceof PersonRegistered registered) {
            return Optional.of(new ResidencyChange(registered.residency(), registered.residentSince()));
        }
        if (event instanceof BirthRegistered birth) {
            return Optional.of(new ResidencyChange(birth.residency(), birth.birthDate()));
        }
        if (event instanceof PersonMovedOut movedOut) {
            return Optional.of(new ResidencyChange(Residency.MOVED_OUT, movedOut.date()));
        }
        if (event instanceof PersonMovedIn movedIn) {
            return Optional.of(new ResidencyChange(movedIn.residency(), movedIn.date()));
        }
        if (event instanceof PersonDied died) {
            return Optional.of(new ResidencyChange(Residency.DECEASED, died.date()));
        }
        return Optional.empty();
    }
}
