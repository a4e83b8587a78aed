package org.registry.command.person;

import org.junit.jupiter.api.Test;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule on a parent at a birth, on plain facts: what it allows and what it refuses, and why. */
class ParentPolicyTest {

    private static final LocalDate PARENT_BORN = LocalDate.of(1990, 6, 1);
    private static final LocalDate CHILD_BORN = LocalDate.of(2020, 6, 1);
    private final PersonId parent = People.newId();

    private ParentPolicy.Birth birth(Sex sex, LocalDate died, LocalDate childBorn, LocalDate... otherBirths) {
        return new ParentPolicy.Birth(parent, sex, PARENT_BORN, died, childBorn, List.of(otherBirths));
    }

    private ParentPolicy.Birth ofAWoman(LocalDate childBorn, LocalDate... otherBirths) {
        return birth(Sex.FEMALE, null, childBorn, otherBirths);
    }

    private static void assertRejected(Optional<Rejection> rejection, RejectionKind kind, String code, String field,
                                       String message) {
        assertThat(rejection).hasValueSatisfying(it -> {
            assertThat(it.kind()).isEqualTo(kind);
            assertThat(it.code()).isEqualTo(code);
            assertThat(it.field()).isEqualTo(field);
            assertThat(it.message()).isEqualTo(message);
        });
    }

    @Test
    void onlyAWomanIsAMother_andOnlyAManIsAFather() {
        assertThat(ParentPolicy.onlyAWomanIsAMother.check(birth(Sex.FEMALE, null, CHILD_BORN))).isEmpty();
        assertRejected(ParentPolicy.onlyAWomanIsAMother.check(birth(Sex.MALE, null, CHILD_BORN)),
                RejectionKind.UNPROCESSABLE, "MOTHER_NOT_FEMALE", "motherId",
                "person " + parent + " is not a woman and cannot be registered as a mother");
        assertThat(ParentPolicy.onlyAManIsAFather.check(birth(Sex.MALE, null, CHILD_BORN))).isEmpty();
        assertRejected(ParentPolicy.onlyAManIsAFather.check(birth(Sex.FEMALE, null, CHILD_BORN)),
                RejectionKind.UNPROCESSABLE, "FATHER_NOT_MALE", "fatherId",
                "person " + parent + " is not a man and cannot be registered as a father");
    }

    @Test
    void aMotherLivesToGiveBirth_sheMayDieOnTheDayButNotBefore() {
        assertThat(ParentPolicy.aMotherLivesToGiveBirth.check(birth(Sex.FEMALE, CHILD_BORN, CHILD_BORN))).isEmpty();
        assertRejected(ParentPolicy.aMotherLivesToGiveBirth.check(
                        birth(Sex.FEMALE, CHILD_BORN.minusDays(1), CHILD_BORN)), RejectionKind.CONFLICT,
                "INVALID_STATE", null, "the mother died on 2020-05-31, before the birth on 2020-06-01");
    }

    @Test
    void aFatherDiesAtMostAPregnancyBeforeTheBirth() {
        LocalDate lastDay = CHILD_BORN.minusDays(ParentPolicy.LONGEST_PREGNANCY_DAYS);
        assertThat(ParentPolicy.aFatherDiesAtMostAPregnancyBeforeTheBirth.check(birth(Sex.MALE, lastDay, CHILD_BORN)))
                .isEmpty();
        assertRejected(ParentPolicy.aFatherDiesAtMostAPregnancyBeforeTheBirth.check(
                        birth(Sex.MALE, lastDay.minusDays(1), CHILD_BORN)), RejectionKind.CONFLICT, "INVALID_STATE",
                null, "the father died on " + lastDay.minusDays(1) + ", too long before the birth on 2020-06-01");
    }

    @Test
    void atLeast12AtTheBirth_fromTheParents12thBirthday_namingTheFieldItIsGiven() {
        LocalDate turns12 = PARENT_BORN.plusYears(12);
        assertThat(ParentPolicy.atLeast12AtTheBirth("fatherId").check(birth(Sex.MALE, null, turns12))).isEmpty();
        assertRejected(ParentPolicy.atLeast12AtTheBirth("fatherId").check(birth(Sex.MALE, null, turns12.minusDays(1))),
                RejectionKind.UNPROCESSABLE, "PARENT_TOO_YOUNG", "fatherId",
                "person " + parent + ", born 1990-06-01, was not 12 years old on 2002-05-31");
    }

    @Test
    void aMothersBirthsAreAPregnancyApart_butTwinsADayOrTwoApartAreOneDelivery() {
        ParentPolicy rule = ParentPolicy.aMothersBirthsAreAPregnancyApart;
        assertThat(rule.check(ofAWoman(CHILD_BORN))).isEmpty();
        assertThat(rule.check(ofAWoman(CHILD_BORN, CHILD_BORN.minusDays(2)))).isEmpty();
        LocalDate aPregnancyBefore = CHILD_BORN.minusDays(ParentPolicy.MINIMUM_DAYS_BETWEEN_PREGNANCIES);
        assertThat(rule.check(ofAWoman(CHILD_BORN, aPregnancyBefore))).isEmpty();
        assertRejected(rule.check(ofAWoman(CHILD_BORN, LocalDate.of(2015, 1, 1), CHILD_BORN.minusDays(3))),
                RejectionKind.UNPROCESSABLE, "BIRTHS_TOO_CLOSE", "birthDate",
                "the mother gave birth on 2020-05-29; another birth 3 days apart is not possible");
        assertRejected(rule.check(ofAWoman(CHILD_BORN, CHILD_BORN.plusDays(167))), RejectionKind.UNPROCESSABLE,
                "BIRTHS_TOO_CLOSE", "birthDate",
                "the mother gave birth on 2020-11-15; another birth 167 days apart is not possible");
    }

    @Test
    void aCorrectedBirthIsAPregnancyApartFromHerOthers_namingTheCorrectedValue() {
        ParentPolicy rule = ParentPolicy.aCorrectedBirthIsAPregnancyApartFromHerOthers;
        assertThat(rule.check(ofAWoman(CHILD_BORN, CHILD_BORN.minusYears(2)))).isEmpty();
        assertRejected(rule.check(ofAWoman(CHILD_BORN, CHILD_BORN.minusDays(100))), RejectionKind.UNPROCESSABLE,
                "BIRTHS_TOO_CLOSE", "value",
                "the mother gave birth on 2020-02-22; a birth on 2020-06-01, 100 days apart, is not possible");
    }

    @Test
    void aMotherIsCheckedBeforeHerAgeAndHerAgeBeforeHerOtherBirths() {
        ParentPolicy.Birth tooYoungAndTooClose = new ParentPolicy.Birth(parent, Sex.FEMALE, CHILD_BORN.minusYears(11),
                null, CHILD_BORN, List.of(CHILD_BORN.minusDays(10)));
        assertThatThrownBy(() -> Policy.requireAll(ParentPolicy.ofAMother(), tooYoungAndTooClose))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("PARENT_TOO_YOUNG"));
        ParentPolicy.Birth aManTooYoung = new ParentPolicy.Birth(parent, Sex.MALE, CHILD_BORN.minusYears(11), null,
                CHILD_BORN, List.of());
        assertThatThrownBy(() -> Policy.requireAll(ParentPolicy.ofAMother(), aManTooYoung))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("MOTHER_NOT_FEMALE"));
        Policy.requireAll(ParentPolicy.ofAFather(), birth(Sex.MALE, null, CHILD_BORN));
    }
}
