package org.registry.command.person;

import org.junit.jupiter.api.Test;
import org.registry.command.directory.Kinship.Relative;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registry.command.person.People.TODAY;

/** Each eligibility rule on plain facts, without an aggregate: what it allows and what it refuses, and why. */
class ClaimPolicyTest {

    private final PersonId parent = People.newId();
    private static final CommunityCode TOWN = new CommunityCode("330106001001");
    private static final CommunityCode VILLAGE = new CommunityCode("330106001201");

    private Applicant applicant() {
        return new Applicant(LocalDate.of(1960, 1, 1), Residency.PERMANENT, Set.of(), Programme.ONLY_CHILD_PARENT_AWARD,
                List.of(child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null)), VILLAGE, null);
    }

    /** The facts of one applicant, changed one at a time by the tests. */
    private record Applicant(LocalDate born, Residency residency, Set<Programme> open, Programme programme,
                             List<Relative> children, CommunityCode community, String basis) {
        Applicant born(LocalDate on) {
            return new Applicant(on, residency, open, programme, children, community, basis);
        }

        Applicant residency(Residency now) {
            return new Applicant(born, now, open, programme, children, community, basis);
        }

        Applicant open(Programme... programmes) {
            return new Applicant(born, residency, Set.of(programmes), programme, children, community, basis);
        }

        Applicant having(Relative... relatives) {
            return new Applicant(born, residency, open, programme, List.of(relatives), community, basis);
        }

        Applicant community(CommunityCode code) {
            return new Applicant(born, residency, open, programme, children, code, basis);
        }

        Applicant basis(String stated) {
            return new Applicant(born, residency, open, programme, children, community, stated);
        }

        Applicant programme(Programme claimed) {
            return new Applicant(born, residency, open, claimed, children, community, basis);
        }
    }

    private ClaimPolicy.Applicant facts(Applicant a) {
        return new ClaimPolicy.Applicant(parent, a.born(), a.residency(), a.open(), a.programme(), a.children(),
                a.community(), a.basis(), TODAY);
    }

    private static Relative child(Sex sex, LocalDate born, LocalDate died) {
        return new Relative(People.newId(), sex, born, died);
    }

    private Optional<Rejection> check(ClaimPolicy policy, Applicant applicant) {
        return policy.check(facts(applicant));
    }

    private static void assertNotEligible(Optional<Rejection> rejection, String reason) {
        assertThat(rejection).hasValueSatisfying(it -> {
            assertThat(it.kind()).isEqualTo(RejectionKind.UNPROCESSABLE);
            assertThat(it.code()).isEqualTo("NOT_ELIGIBLE");
            assertThat(it.field()).isNull();
            assertThat(it.message()).contains(reason);
        });
    }

    @Test
    void onlyResidentsLivingHereClaim_allowsAPermanentResidentAndRefusesOneWhoMovedAwayOrFloats() {
        assertThat(check(ClaimPolicy.onlyResidentsLivingHereClaim, applicant())).isEmpty();
        assertNotEligible(check(ClaimPolicy.onlyResidentsLivingHereClaim, applicant().residency(Residency.MOVED_OUT)),
                "is MOVED_OUT");
        assertNotEligible(check(ClaimPolicy.onlyResidentsLivingHereClaim,
                applicant().residency(Residency.FLOATING_IN)), "is FLOATING_IN");
    }

    @Test
    void oneOpenClaimPerProgramme_refusesASecondOpenClaimOfTheSameProgrammeOnly() {
        assertThat(check(ClaimPolicy.oneOpenClaimPerProgramme, applicant().open(Programme.SPECIAL_SUPPORT)))
                .isEmpty();
        assertThat(check(ClaimPolicy.oneOpenClaimPerProgramme, applicant().open(Programme.ONLY_CHILD_PARENT_AWARD)))
                .hasValueSatisfying(it -> {
                    assertThat(it.kind()).isEqualTo(RejectionKind.CONFLICT);
                    assertThat(it.code()).isEqualTo("CLAIM_ALREADY_OPEN");
                    assertThat(it.message())
                            .isEqualTo("person " + parent + " has an open ONLY_CHILD_PARENT_AWARD claim");
                });
    }

    @Test
    void awardIsForParentsOfExactlyOneChild_refusesNoneAndTwo() {
        Relative son = child(Sex.MALE, LocalDate.of(2019, 1, 1), null);
        Relative daughter = child(Sex.FEMALE, LocalDate.of(2021, 1, 1), null);
        assertThat(check(ClaimPolicy.awardIsForParentsOfExactlyOneChild, applicant().having(son))).isEmpty();
        assertNotEligible(check(ClaimPolicy.awardIsForParentsOfExactlyOneChild, applicant().having()),
                "knows 0 child(ren) of person " + parent);
        assertNotEligible(check(ClaimPolicy.awardIsForParentsOfExactlyOneChild, applicant().having(son, daughter)),
                "knows 2 child(ren)");
    }

    @Test
    void awardIsForALivingChild_refusesAChildWhoDied() {
        Relative died = child(Sex.MALE, LocalDate.of(2019, 1, 1), LocalDate.of(2024, 2, 2));
        assertThat(check(ClaimPolicy.awardIsForALivingChild, applicant())).isEmpty();
        assertNotEligible(check(ClaimPolicy.awardIsForALivingChild, applicant().having(died)),
                "the only child " + died.personId() + " died on 2024-02-02");
    }

    @Test
    void awardIsForAChildUnder14_refusesFromThe14thBirthdayOn() {
        Relative almost14 = child(Sex.MALE, TODAY.minusYears(14).plusDays(1), null);
        Relative turns14Today = child(Sex.MALE, TODAY.minusYears(14), null);
        assertThat(check(ClaimPolicy.awardIsForAChildUnder14, applicant().having(almost14))).isEmpty();
        assertNotEligible(check(ClaimPolicy.awardIsForAChildUnder14, applicant().having(turns14Today)),
                "turned 14 on " + TODAY);
    }

    @Test
    void ruralSupportIsForVillagers_allowsVillageCodes200To399Only() {
        assertThat(check(ClaimPolicy.ruralSupportIsForVillagers, applicant())).isEmpty();
        assertThat(check(ClaimPolicy.ruralSupportIsForVillagers,
                applicant().community(new CommunityCode("330106001399")))).isEmpty();
        assertNotEligible(check(ClaimPolicy.ruralSupportIsForVillagers, applicant().community(TOWN)),
                "(village code 1, not 200-399)");
        assertNotEligible(check(ClaimPolicy.ruralSupportIsForVillagers,
                applicant().community(new CommunityCode("330106001400"))), "(village code 400, not 200-399)");
        assertNotEligible(check(ClaimPolicy.ruralSupportIsForVillagers, applicant().community(null)),
                "(village code 0, not 200-399)");
    }

    @Test
    void ruralSupportStartsAt60_allowsFromThe60thBirthday() {
        assertThat(check(ClaimPolicy.ruralSupportStartsAt60, applicant().born(TODAY.minusYears(60)))).isEmpty();
        assertNotEligible(check(ClaimPolicy.ruralSupportStartsAt60, applicant().born(TODAY.minusYears(60).plusDays(1))),
                "aged 60 or more");
    }

    @Test
    void ruralSupportIsForParentsOfOneChildOrTwoDaughters() {
        Relative son = child(Sex.MALE, LocalDate.of(1990, 1, 1), null);
        Relative daughter = child(Sex.FEMALE, LocalDate.of(1992, 1, 1), null);
        Relative another = child(Sex.FEMALE, LocalDate.of(1994, 1, 1), null);
        ClaimPolicy rule = ClaimPolicy.ruralSupportIsForParentsOfOneChildOrTwoDaughters;
        assertThat(check(rule, applicant().having(son))).isEmpty();
        assertThat(check(rule, applicant().having(daughter, another))).isEmpty();
        assertNotEligible(check(rule, applicant().having(son, daughter)), "knows 2 child(ren)");
        assertNotEligible(check(rule, applicant().having(son, daughter, another)), "knows 3 child(ren)");
        assertNotEligible(check(rule, applicant().having()), "knows 0 child(ren)");
    }

    @Test
    void specialSupportStartsAt49_allowsFromThe49thBirthday() {
        assertThat(check(ClaimPolicy.specialSupportStartsAt49, applicant().born(TODAY.minusYears(49)))).isEmpty();
        assertNotEligible(check(ClaimPolicy.specialSupportStartsAt49, applicant().born(TODAY.minusYears(48))),
                "aged 49 or more");
    }

    @Test
    void specialSupportIsForParentsOfAnOnlyChild() {
        Relative son = child(Sex.MALE, LocalDate.of(1990, 1, 1), null);
        Relative daughter = child(Sex.FEMALE, LocalDate.of(1992, 1, 1), null);
        assertThat(check(ClaimPolicy.specialSupportIsForParentsOfAnOnlyChild, applicant().having(son))).isEmpty();
        assertNotEligible(check(ClaimPolicy.specialSupportIsForParentsOfAnOnlyChild,
                applicant().having(son, daughter)), "special support is for parents of an only child");
    }

    @Test
    void aLivingOnlyChildNeedsADisabilityBasis_butOneWhoDiedDoesNot() {
        Relative living = child(Sex.MALE, LocalDate.of(1990, 1, 1), null);
        Relative died = child(Sex.MALE, LocalDate.of(1990, 1, 1), LocalDate.of(2020, 1, 1));
        ClaimPolicy rule = ClaimPolicy.aLivingOnlyChildNeedsADisabilityBasis;
        assertNotEligible(check(rule, applicant().having(living)), "to be alive");
        assertThat(check(rule, applicant().having(living).basis("severe disability, grade 1"))).isEmpty();
        assertThat(check(rule, applicant().having(died))).isEmpty();
    }

    @Test
    void everyProgrammeFirstAsksForAResidentLivingHereWithoutAnOpenClaimOfIt() {
        for (Programme programme : Programme.values()) {
            assertThat(ClaimPolicy.forProgramme(programme)).startsWith(ClaimPolicy.onlyResidentsLivingHereClaim,
                    ClaimPolicy.oneOpenClaimPerProgramme);
        }
        assertThat(ClaimPolicy.forProgramme(Programme.RURAL_REWARD_SUPPORT)).endsWith(
                ClaimPolicy.ruralSupportIsForVillagers, ClaimPolicy.ruralSupportStartsAt60,
                ClaimPolicy.ruralSupportIsForParentsOfOneChildOrTwoDaughters);
    }

    @Test
    void theFirstBrokenRuleIsTheOneReported() {
        Applicant movedAwayWithTwoChildren = applicant().residency(Residency.MOVED_OUT)
                .having(child(Sex.MALE, LocalDate.of(2019, 1, 1), null),
                        child(Sex.MALE, LocalDate.of(2021, 1, 1), null));
        assertThatThrownBy(() -> Policy.requireAll(ClaimPolicy.forProgramme(Programme.ONLY_CHILD_PARENT_AWARD),
                facts(movedAwayWithTwoChildren)))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> assertThat(e.rejection().message()).contains("is MOVED_OUT"));
    }

    @Test
    void theAwardAndSpecialSupportRestOnTheOnlyChildAndRuralSupportOnNone() {
        Applicant applicant = applicant();
        PersonId only = applicant.children().get(0).personId();
        assertThat(facts(applicant).childTheClaimRestsOn()).isEqualTo(only);
        assertThat(facts(applicant.programme(Programme.SPECIAL_SUPPORT)).childTheClaimRestsOn()).isEqualTo(only);
        assertThat(facts(applicant.programme(Programme.RURAL_REWARD_SUPPORT)).childTheClaimRestsOn()).isNull();
    }
}
