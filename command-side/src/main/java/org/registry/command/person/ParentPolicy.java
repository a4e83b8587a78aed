package org.registry.command.person;

import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.registry.command.person.Policy.allowed;

/**
 * Who can be the mother or the father of a child born on a day: the rules a parent's record holds a birth to,
 * when it is registered and when the child's birth date is corrected.
 */
@FunctionalInterface
interface ParentPolicy extends Policy<ParentPolicy.Birth> {

    /** The youngest a parent can be at a birth. */
    int MINIMUM_PARENT_AGE = 12;
    /** Two births of one mother on days further apart than a delivery, yet closer than this, are a mistake. */
    int MINIMUM_DAYS_BETWEEN_PREGNANCIES = 168;
    /** A father may have died this long before the birth of his child. */
    int LONGEST_PREGNANCY_DAYS = 300;

    /**
     * A birth as the parent's record sees it.
     *
     * @param parentDied  the day the parent died, or null
     * @param otherBirths the days on which the parent, as mother, gave birth to her other children
     */
    record Birth(PersonId parentId, Sex sex, LocalDate parentBorn, LocalDate parentDied, LocalDate childBorn,
                 List<LocalDate> otherBirths) {
    }

    ParentPolicy onlyAWomanIsAMother = birth -> birth.sex() != Sex.FEMALE
            ? Optional.of(new Rejection(RejectionKind.UNPROCESSABLE, "MOTHER_NOT_FEMALE", "person " + birth.parentId()
                    + " is not a woman and cannot be registered as a mother", "motherId"))
            : allowed();

    ParentPolicy onlyAManIsAFather = birth -> birth.sex() != Sex.MALE
            ? Optional.of(new Rejection(RejectionKind.UNPROCESSABLE, "FATHER_NOT_MALE", "person " + birth.parentId()
                    + " is not a man and cannot be registered as a father", "fatherId"))
            : allowed();

    ParentPolicy aMotherLivesToGiveBirth = birth -> birth.parentDied() != null
            && birth.parentDied().isBefore(birth.childBorn())
            ? invalidState("the mother died on " + birth.parentDied() + ", before the birth on " + birth.childBorn())
            : allowed();

    ParentPolicy aFatherDiesAtMostAPregnancyBeforeTheBirth = birth -> birth.parentDied() != null
            && birth.parentDied().plusDays(LONGEST_PREGNANCY_DAYS).isBefore(birth.childBorn())
            ? invalidState("the father died on " + birth.parentDied() + ", too long before the birth on "
                    + birth.childBorn())
            : allowed();

    /** Twins a day or two apart are one delivery; other births of one mother are a pregnancy apart. */
    ParentPolicy aMothersBirthsAreAPregnancyApart = birth -> tooClose(birth)
            .map(earlier -> birthsTooClose("birthDate", "the mother gave birth on " + earlier + "; another birth "
                    + daysApart(earlier, birth.childBorn()) + " days apart is not possible"));

    /** The same rule, for a birth date corrected after the fact. */
    ParentPolicy aCorrectedBirthIsAPregnancyApartFromHerOthers = birth -> tooClose(birth)
            .map(other -> birthsTooClose("value", "the mother gave birth on " + other + "; a birth on "
                    + birth.childBorn() + ", " + daysApart(other, birth.childBorn()) + " days apart, is not possible"));

    /** The rules of a woman's record registering a birth she gave, in their order. */
    static List<ParentPolicy> ofAMother() {
        return List.of(onlyAWomanIsAMother, aMotherLivesToGiveBirth, atLeast12AtTheBirth("motherId"),
                aMothersBirthsAreAPregnancyApart);
    }

    /** The rules of a man's record registering a child he fathered, in their order. */
    static List<ParentPolicy> ofAFather() {
        return List.of(onlyAManIsAFather, aFatherDiesAtMostAPregnancyBeforeTheBirth, atLeast12AtTheBirth("fatherId"));
    }

    /** The rules of a parent's record when the birth date of their child is corrected, in their order. */
    static List<ParentPolicy> ofACorrectedBirth() {
        return List.of(atLeast12AtTheBirth("value"), aCorrectedBirthIsAPregnancyApartFromHerOthers);
    }

    /** A parent is {@value #MINIMUM_PARENT_AGE} or older at the birth; {@code field} names the parent in the input. */
    static ParentPolicy atLeast12AtTheBirth(String field) {
        return birth -> birth.childBorn().isBefore(birth.parentBorn().plusYears(MINIMUM_PARENT_AGE))
                ? Optional.of(new Rejection(RejectionKind.UNPROCESSABLE, "PARENT_TOO_YOUNG", "person "
                        + birth.parentId() + ", born " + birth.parentBorn() + ", was not " + MINIMUM_PARENT_AGE
                        + " years old on " + birth.childBorn(), field))
                : allowed();
    }

    private static Optional<LocalDate> tooClose(Birth birth) {
        return birth.otherBirths().stream().filter(other -> {
            long days = daysApart(other, birth.childBorn());
            return days > 2 && days < MINIMUM_DAYS_BETWEEN_PREGNANCIES;
        }).findFirst();
    }

    private static long daysApart(LocalDate one, LocalDate other) {
        return Math.abs(ChronoUnit.DAYS.between(one, other));
    }

    private static Rejection birthsTooClose(String field, String message) {
        return new Rejection(RejectionKind.UNPROCESSABLE, "BIRTHS_TOO_CLOSE", message, field);
    }

    private static Optional<Rejection> invalidState(String message) {
        return Optional.of(new Rejection(RejectionKind.CONFLICT, "INVALID_STATE", message, null));
    }
}
