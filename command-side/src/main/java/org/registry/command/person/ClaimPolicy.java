package org.registry.command.person;

import org.registry.command.directory.Kinship.Relative;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.registry.command.person.Policy.allowed;

/**
 * Who may file a benefit claim: the rules every claim passes, then the rules of its programme, each named for what
 * it allows. A claim is filed, or a grant made before the register imported, when {@link #forProgramme} allows the
 * {@link Applicant}.
 */
@FunctionalInterface
interface ClaimPolicy extends Policy<ClaimPolicy.Applicant> {

    /** The youngest age at which the rural reward support is paid. */
    int RURAL_REWARD_AGE = 60;
    /** The youngest age at which the special support is paid. */
    int SPECIAL_SUPPORT_AGE = 49;
    /** The age of the only child at which the only-child parents' award ends. */
    int AWARD_CHILD_AGE_LIMIT = 14;

    /**
     * The facts a claim's eligibility rests on.
     *
     * @param openClaims the programmes the person has an open claim for
     * @param children   the person's children as the register knows them, living or not
     * @param community  the community of the person's household, or null when the register knows none
     * @param basis      the basis the clerk states for the claim, or null
     */
    record Applicant(PersonId personId, LocalDate birthDate, Residency residency, Set<Programme> openClaims,
                     Programme programme, List<Relative> children, CommunityCode community, String basis,
                     LocalDate today) {

        /** The only child the programme's claim rests on, or null for a programme that rests on none. */
        PersonId childTheClaimRestsOn() {
            return switch (programme) {
                case ONLY_CHILD_PARENT_AWARD, SPECIAL_SUPPORT -> children.get(0).personId();
                case RURAL_REWARD_SUPPORT -> null;
            };
        }
    }

    ClaimPolicy onlyResidentsLivingHereClaim = applicant -> applicant.residency() != Residency.PERMANENT
            ? notEligible("benefits are paid to residents registered and living here; person "
                    + applicant.personId() + " is " + applicant.residency())
            : allowed();

    ClaimPolicy oneOpenClaimPerProgramme = applicant -> applicant.openClaims().contains(applicant.programme())
            ? Optional.of(new Rejection(RejectionKind.CONFLICT, "CLAIM_ALREADY_OPEN", "person "
                    + applicant.personId() + " has an open " + applicant.programme() + " claim", null))
            : allowed();

    ClaimPolicy awardIsForParentsOfExactlyOneChild = applicant -> applicant.children().size() != 1
            ? notEligible("the award is for parents of exactly one child; the register knows "
                    + applicant.children().size() + " child(ren) of person " + applicant.personId())
            : allowed();

    ClaimPolicy awardIsForALivingChild = applicant -> {
        Relative only = applicant.children().get(0);
        return only.livingOn(applicant.today()) ? allowed()
                : notEligible("the only child " + only.personId() + " died on " + only.diedOn());
    };

    ClaimPolicy awardIsForAChildUnder14 = applicant -> {
        Relative only = applicant.children().get(0);
        return only.ageOn(applicant.today()) >= AWARD_CHILD_AGE_LIMIT
                ? notEligible("the only child " + only.personId() + " turned " + AWARD_CHILD_AGE_LIMIT + " on "
                        + only.birthDate().plusYears(AWARD_CHILD_AGE_LIMIT))
                : allowed();
    };

    /** Rural: the household's community is a villagers' committee (division code 200-399 at village level). */
    ClaimPolicy ruralSupportIsForVillagers = applicant -> {
        CommunityCode community = applicant.community();
        int village = community == null ? 0 : Integer.parseInt(community.value().substring(9));
        return village < 200 || village > 399
                ? notEligible("the rural reward support is for rural residents; the community of person "
                        + applicant.personId() + " is no villagers' committee (village code " + village
                        + ", not 200-399)")
                : allowed();
    };

    ClaimPolicy ruralSupportStartsAt60 = agedAtLeast(RURAL_REWARD_AGE);

    ClaimPolicy ruralSupportIsForParentsOfOneChildOrTwoDaughters = applicant -> {
        List<Relative> children = applicant.children();
        boolean oneChild = children.size() == 1;
        boolean twoDaughters = children.size() == 2 && children.stream().allMatch(c -> c.sex() == Sex.FEMALE);
        return oneChild || twoDaughters ? allowed()
                : notEligible("the rural reward support is for parents of one child or of two daughters; the register "
                        + "knows " + children.size() + " child(ren) of person " + applicant.personId());
    };

    ClaimPolicy specialSupportStartsAt49 = agedAtLeast(SPECIAL_SUPPORT_AGE);

    ClaimPolicy specialSupportIsForParentsOfAnOnlyChild = applicant -> applicant.children().size() != 1
            ? notEligible("special support is for parents of an only child; the register knows "
                    + applicant.children().size() + " child(ren) of person " + applicant.personId())
            : allowed();

    ClaimPolicy aLivingOnlyChildNeedsADisabilityBasis = applicant -> {
        Relative only = applicant.children().get(0);
        return only.livingOn(applicant.today()) && applicant.basis() == null
                ? notEligible("the register knows the only child " + only.personId() + " to be alive: the basis must "
                        + "state the child's severe disability")
                : allowed();
    };

    /** The rules a claim for {@code programme} passes, in the order they are checked. */
    static List<ClaimPolicy> forProgramme(Programme programme) {
        List<ClaimPolicy> ofProgramme = switch (programme) {
            case ONLY_CHILD_PARENT_AWARD -> List.of(awardIsForParentsOfExactlyOneChild, awardIsForALivingChild,
                    awardIsForAChildUnder14);
            case RURAL_REWARD_SUPPORT -> List.of(ruralSupportIsForVillagers, ruralSupportStartsAt60,
                    ruralSupportIsForParentsOfOneChildOrTwoDaughters);
            case SPECIAL_SUPPORT -> List.of(specialSupportStartsAt49, specialSupportIsForParentsOfAnOnlyChild,
                    aLivingOnlyChildNeedsADisabilityBasis);
        };
        return Stream.concat(Stream.of(onlyResidentsLivingHereClaim, oneOpenClaimPerProgramme), ofProgramme.stream())
                     .toList();
    }

    private static ClaimPolicy agedAtLeast(int years) {
        return applicant -> applicant.birthDate().plusYears(years).isAfter(applicant.today())
                ? notEligible("the programme is for persons aged " + years + " or more; person "
                        + applicant.personId() + " was born " + applicant.birthDate())
                : allowed();
    }

    private static Optional<Rejection> notEligible(String reason) {
        return Optional.of(new Rejection(RejectionKind.UNPROCESSABLE, "NOT_ELIGIBLE", reason, null));
    }
}
