package org.registry.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.registry.command.benefit.BenefitSettings;
import org.registry.command.directory.Kinship;
import org.registry.command.directory.NationalIdHolders;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.DecideBenefitClaim;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.FileBenefitClaim;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.benefit.Outcome;
import org.registry.kernel.benefit.PayBenefit;
import org.registry.kernel.benefit.PaymentOutcome;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.RaiseObjection;
import org.registry.kernel.benefit.Recertification;
import org.registry.kernel.benefit.RecertifyBenefitClaim;
import org.registry.kernel.benefit.RecordImportedGrant;
import org.registry.kernel.benefit.ResolveObjection;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitClaimRecertified;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.MovePersonOut;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PublicNoticeEnded;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.kernel.person.RegisterDeath;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.person.People.CLOCK;
import static org.registry.command.person.People.TODAY;

/** A benefit claim through eligibility, the three-level review, public notice, payments and its end. */
class BenefitClaimTest {

    static final Duration NOTICE = Duration.ofDays(7);
    static final BigDecimal TWENTY = new BigDecimal("20.00");

    private AggregateTestFixture<Person> fixture;
    private final PersonId id = People.newId();
    private final ClaimId claim = new ClaimId(java.util.UUID.randomUUID());
    private final List<Kinship.Relative> children = new ArrayList<>();
    private CommunityCode community = new CommunityCode("330106001001");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new BenefitSettings(NOTICE, Map.of()));
        fixture.registerInjectableResource((NationalIdHolders) nationalId -> Optional.empty());
        fixture.registerInjectableResource(new Kinship() {
            @Override
            public List<Relative> childrenOf(PersonId parent) {
                return children;
            }

            @Override
            public Optional<Relative> find(PersonId person) {
                return children.stream().filter(child -> child.personId().equals(person)).findFirst();
            }

            @Override
            public Optional<CommunityCode> communityOf(PersonId person) {
                return Optional.of(community);
            }
        });
        fixture.registerAnnotatedCommandHandler(new Registrations(fixture.getRepository(), new RecordingHouseholds(),
                nationalId -> Optional.empty(), new StubDeadlineManager(), CLOCK));
        fixture.registerAnnotatedCommandHandler(new PersonHarness(fixture.getRepository()));
        fixture.givenCurrentTime(CLOCK.instant());
    }

    private PersonRegistered parent(LocalDate born, Residency residency) {
        return People.registered(id, Sex.FEMALE, born, residency);
    }

    private PersonRegistered parent() {
        return parent(LocalDate.of(1985, 1, 1), Residency.PERMANENT);
    }

    private Kinship.Relative child(Sex sex, LocalDate born, LocalDate died) {
        Kinship.Relative child = new Kinship.Relative(People.newId(), sex, born, died);
        children.add(child);
        return child;
    }

    private BenefitClaimFiled filed(Programme programme, PersonId child) {
        return new BenefitClaimFiled(id, claim, programme, child, null, TODAY.minusMonths(3));
    }

    private Object[] granted(LocalDate on) {
        PersonId child = child(Sex.MALE, LocalDate.of(2020, 1, 1), null).personId();
        return new Object[]{parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, child),
                new BenefitClaimApproved(id, claim, Stage.VILLAGE_ASSESSMENT, null, "clerk", on),
                new BenefitClaimApproved(id, claim, Stage.TOWNSHIP_REVIEW, null, "clerk2", on),
                new BenefitClaimApproved(id, claim, Stage.COUNTY_APPROVAL, null, "clerk3", on),
                new PublicNoticeStarted(id, claim, on.atStartOfDay(People.ZONE).toInstant(),
                        on.atStartOfDay(People.ZONE).toInstant().plus(NOTICE)),
                new BenefitClaimGranted(id, claim, on.plusDays(7))};
    }

    /** A grant from {@code grantedOn} an import brought in on {@code importedOn}, resting on a new only child. */
    private Object[] imported(Programme programme, LocalDate grantedOn, LocalDate importedOn) {
        PersonId child = child(Sex.MALE, LocalDate.of(2020, 1, 1), null).personId();
        return new Object[]{parent(), new BenefitGrantImported(id, claim, programme, child, "import 1", grantedOn,
                importedOn)};
    }

    private TestExecutor<Person> as(Object... given) {
        return fixture.given(given);
    }

    /** A claim approved by the village and the township, then by the county's clerk3: on public notice. */
    private TestExecutor<Person> approvedByTheCounty(Programme programme, PersonId child) {
        return fixture.given(parent(), filed(programme, child),
                             new BenefitClaimApproved(id, claim, Stage.VILLAGE_ASSESSMENT, null, "clerk", TODAY),
                             new BenefitClaimApproved(id, claim, Stage.TOWNSHIP_REVIEW, null, "clerk2", TODAY))
                      .andGivenCommands(new org.axonframework.commandhandling.GenericCommandMessage<>(
                              new DecideBenefitClaim(id, claim, Stage.COUNTY_APPROVAL, Outcome.APPROVE, null))
                              .andMetaData(by("clerk3")));
    }

    /** Nothing is recorded: the command is refused with the code. */
    private static void refused(ResultValidator<Person> result, String code) {
        result.expectNoEvents().expectException(rejectedWith(code));
    }

    /** Filing for the programme, given the events, is refused: the person is not eligible. */
    private ResultValidator<Person> notEligible(Programme programme, Object... given) {
        return as(given).when(new FileBenefitClaim(id, claim, programme, null))
                        .expectNoEvents()
                        .expectException(rejectedWith("NOT_ELIGIBLE"));
    }

    private static Map<String, Object> by(String actor) {
        return Map.of("actor", actor);
    }

    @Nested
    class Filing {

        @Test
        void givenAParentOfOneChildUnder14_whenFilesForTheAward_thenFiledForThatChild() {
            PersonId only = child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null).personId();
            as(parent()).when(new FileBenefitClaim(id, claim, Programme.ONLY_CHILD_PARENT_AWARD, "one daughter"))
                        .expectEvents(new BenefitClaimFiled(id, claim, Programme.ONLY_CHILD_PARENT_AWARD, only,
                                "one daughter", TODAY));
        }

        @Test
        void givenAParentOfTwoChildren_whenFilesForTheAward_thenRefusedWithTheReason() {
            child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null);
            child(Sex.MALE, LocalDate.of(2021, 3, 3), null);
            notEligible(Programme.ONLY_CHILD_PARENT_AWARD, parent())
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("2 child(ren)"));
        }

        @Test
        void givenAnOnlyChildOf14_whenFilesForTheAward_thenRefused() {
            child(Sex.FEMALE, TODAY.minusYears(14), null);
            notEligible(Programme.ONLY_CHILD_PARENT_AWARD, parent());
        }

        @Test
        void givenAnOnlyChildWhoDied_whenFilesForTheAward_thenRefused() {
            child(Sex.FEMALE, LocalDate.of(2018, 3, 3), LocalDate.of(2024, 1, 1));
            notEligible(Programme.ONLY_CHILD_PARENT_AWARD, parent());
        }

        @Test
        void givenAnOpenClaim_whenFilesForTheSameProgrammeAgain_thenRefused() {
            PersonId only = child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null).personId();
            as(parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, only))
                    .when(new FileBenefitClaim(id, new ClaimId(java.util.UUID.randomUUID()),
                            Programme.ONLY_CHILD_PARENT_AWARD, null))
                    .expectNoEvents()
                    .expectException(rejectedWith("CLAIM_ALREADY_OPEN"));
        }

        @Test
        void givenARejectedClaim_whenFilesAgain_thenFiled() {
            PersonId only = child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null).personId();
            ClaimId second = new ClaimId(java.util.UUID.randomUUID());
            as(parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, only),
               new BenefitClaimRejected(id, claim, Stage.VILLAGE_ASSESSMENT, "papers missing", "clerk", TODAY))
                    .when(new FileBenefitClaim(id, second, Programme.ONLY_CHILD_PARENT_AWARD, null))
                    .expectEvents(new BenefitClaimFiled(id, second, Programme.ONLY_CHILD_PARENT_AWARD, only, null,
                            TODAY));
        }

        @Test
        void givenARuralParentOf60WithTwoDaughters_whenFilesForRuralSupport_thenFiled() {
            community = new CommunityCode("330106001201");
            child(Sex.FEMALE, LocalDate.of(1990, 3, 3), null);
            child(Sex.FEMALE, LocalDate.of(1993, 3, 3), null);
            as(parent(LocalDate.of(1960, 1, 1), Residency.PERMANENT))
                    .when(new FileBenefitClaim(id, claim, Programme.RURAL_REWARD_SUPPORT, null))
                    .expectEvents(new BenefitClaimFiled(id, claim, Programme.RURAL_REWARD_SUPPORT, null, null, TODAY));
        }

        @Test
        void givenAnUrbanParent_whenFilesForRuralSupport_thenRefused() {
            community = new CommunityCode("330106001001");
            child(Sex.FEMALE, LocalDate.of(1990, 3, 3), null);
            notEligible(Programme.RURAL_REWARD_SUPPORT, parent(LocalDate.of(1960, 1, 1), Residency.PERMANENT));
        }

        @Test
        void givenARuralParentOf59_whenFilesForRuralSupport_thenRefused() {
            community = new CommunityCode("330106001201");
            child(Sex.FEMALE, LocalDate.of(1990, 3, 3), null);
            notEligible(Programme.RURAL_REWARD_SUPPORT,
                    parent(TODAY.minusYears(60).plusDays(1), Residency.PERMANENT));
        }

        @Test
        void givenARuralParentOfASonAndADaughter_whenFilesForRuralSupport_thenRefused() {
            community = new CommunityCode("330106001201");
            child(Sex.FEMALE, LocalDate.of(1990, 3, 3), null);
            child(Sex.MALE, LocalDate.of(1993, 3, 3), null);
            notEligible(Programme.RURAL_REWARD_SUPPORT, parent(LocalDate.of(1960, 1, 1), Residency.PERMANENT));
        }

        @Test
        void givenAParentOf49WhoseOnlyChildDied_whenFilesForSpecialSupport_thenFiled() {
            PersonId only = child(Sex.MALE, LocalDate.of(1998, 3, 3), LocalDate.of(2020, 5, 5)).personId();
            as(parent(LocalDate.of(1970, 1, 1), Residency.PERMANENT))
                    .when(new FileBenefitClaim(id, claim, Programme.SPECIAL_SUPPORT, null))
                    .expectEvents(new BenefitClaimFiled(id, claim, Programme.SPECIAL_SUPPORT, only, null, TODAY));
        }

        @Test
        void givenALivingOnlyChild_whenSpecialSupportIsClaimedWithoutStatingADisability_thenRefused() {
            child(Sex.MALE, LocalDate.of(1998, 3, 3), null);
            notEligible(Programme.SPECIAL_SUPPORT, parent(LocalDate.of(1970, 1, 1), Residency.PERMANENT));
        }

        @Test
        void givenAParentOf45_whenFilesForSpecialSupport_thenRefused() {
            child(Sex.MALE, LocalDate.of(2000, 3, 3), LocalDate.of(2020, 5, 5));
            notEligible(Programme.SPECIAL_SUPPORT, parent(TODAY.minusYears(45), Residency.PERMANENT));
        }

        @Test
        void givenAParentWhoMovedAway_whenFiles_thenRefused() {
            child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null);
            notEligible(Programme.ONLY_CHILD_PARENT_AWARD, parent(),
                    new PersonMovedOut(id, TODAY.minusDays(5), "Ningbo", MoveReason.WORK, Residency.PERMANENT, false));
        }

        @Test
        void givenADeadPerson_whenAClaimIsFiled_thenRefused() {
            as(parent(), new PersonDied(id, TODAY.minusDays(5)))
                    .when(new FileBenefitClaim(id, claim, Programme.ONLY_CHILD_PARENT_AWARD, null))
                    .expectNoEvents()
                    .expectException(rejectedWith("INVALID_STATE"));
        }
    }

    @Nested
    class Review {

        Object[] applied() {
            return new Object[]{parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, People.newId())};
        }

        Object[] approvedBy(Stage... stages) {
            List<Object> events = new ArrayList<>(List.of(applied()));
            String[] clerks = {"clerk", "clerk2", "clerk3"};
            for (int i = 0; i < stages.length; i++) {
                events.add(new BenefitClaimApproved(id, claim, stages[i], null, clerks[i], TODAY));
            }
            return events.toArray();
        }

        DecideBenefitClaim approve(Stage stage) {
            return new DecideBenefitClaim(id, claim, stage, Outcome.APPROVE, null);
        }

        @Test
        void givenAClaim_whenTheVillageApproves_thenApprovedByThatClerk() {
            as(applied()).when(approve(Stage.VILLAGE_ASSESSMENT), by("clerk"))
                         .expectEvents(new BenefitClaimApproved(id, claim, Stage.VILLAGE_ASSESSMENT, null, "clerk",
                                 TODAY));
        }

        @Test
        void givenAClaim_whenTheTownshipDecidesBeforeTheVillage_thenRefusedAsOutOfOrder() {
            refused(as(applied()).when(approve(Stage.TOWNSHIP_REVIEW), by("clerk2")), "INVALID_STATE");
        }

        @Test
        void givenAVillageApproval_whenTheSameClerkReviewsForTheTownship_thenFourEyesViolation() {
            refused(as(approvedBy(Stage.VILLAGE_ASSESSMENT)).when(approve(Stage.TOWNSHIP_REVIEW), by("clerk")),
                    "FOUR_EYES_VIOLATION");
        }

        @Test
        void givenAVillageApproval_whenTheTownshipRejects_thenRejectedWithTheReason() {
            as(approvedBy(Stage.VILLAGE_ASSESSMENT))
                    .when(new DecideBenefitClaim(id, claim, Stage.TOWNSHIP_REVIEW, Outcome.REJECT, "two children"),
                            by("clerk2"))
                    .expectEvents(new BenefitClaimRejected(id, claim, Stage.TOWNSHIP_REVIEW, "two children", "clerk2",
                            TODAY));
        }

        @Test
        void givenARejectedClaim_whenAStageDecides_thenRefused() {
            as(parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, People.newId()),
               new BenefitClaimRejected(id, claim, Stage.VILLAGE_ASSESSMENT, "no", "clerk", TODAY))
                    .when(approve(Stage.VILLAGE_ASSESSMENT), by("clerk2"))
                    .expectNoEvents()
                    .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenTownshipApproval_whenTheCountyApproves_thenThePublicNoticeStartsAndItsEndIsScheduled() {
            Instant now = CLOCK.instant();
            as(approvedBy(Stage.VILLAGE_ASSESSMENT, Stage.TOWNSHIP_REVIEW))
                    .when(approve(Stage.COUNTY_APPROVAL), by("clerk3"))
                    .expectEvents(new BenefitClaimApproved(id, claim, Stage.COUNTY_APPROVAL, null, "clerk3", TODAY),
                            new PublicNoticeStarted(id, claim, now, now.plus(NOTICE)))
                    .expectScheduledDeadlineWithName(NOTICE, BenefitClaim.PUBLIC_NOTICE_ENDS);
        }

        @Test
        void givenAnUnknownClaim_whenDecided_thenNotFound() {
            refused(as(parent()).when(approve(Stage.VILLAGE_ASSESSMENT), by("clerk")), "CLAIM_NOT_FOUND");
        }
    }

    @Nested
    class PublicNotice {

        final ObjectionId objection = new ObjectionId(java.util.UUID.randomUUID());

        TestExecutor<Person> countyApproved() {
            return approvedByTheCounty(Programme.SPECIAL_SUPPORT, People.newId());
        }

        @Test
        void givenACountyApproval_whenTheNoticePeriodEnds_thenTheClaimIsGranted() {
            countyApproved().whenTimeElapses(NOTICE)
                   .expectTriggeredDeadlinesWithName(BenefitClaim.PUBLIC_NOTICE_ENDS)
                   .expectEvents(new PublicNoticeEnded(id, claim, CLOCK.instant(), false),
                           new BenefitClaimGranted(id, claim, TODAY));
        }

        @Test
        void givenAnObjection_whenTheNoticePeriodEnds_thenTheClaimIsHeldNotGranted() {
            countyApproved().andGivenCommands(new RaiseObjection(id, claim, objection, "not an only child"))
                   .whenTimeElapses(NOTICE)
                   .expectEvents(new PublicNoticeEnded(id, claim, CLOCK.instant(), true));
        }

        @Test
        void givenANoticeHeldByAnObjectionPastItsEnd_whenTheObjectionIsDismissed_thenGrantedAtOnce() {
            countyApproved().andGivenCommands(new RaiseObjection(id, claim, objection, "doubt"))
                   .andGiven(new PublicNoticeEnded(id, claim, CLOCK.instant(), true))
                   .when(new ResolveObjection(id, claim, objection, false, "unfounded"), by("clerk4"))
                   .expectEvents(new ObjectionResolved(id, claim, objection, false, "unfounded", "clerk4", TODAY),
                           new BenefitClaimGranted(id, claim, TODAY));
        }

        @Test
        void givenTheNoticeEnded_whenAnObjectionIsRaised_thenRefused() {
            countyApproved().andGiven(new PublicNoticeEnded(id, claim, CLOCK.instant(), false),
                                      new BenefitClaimGranted(id, claim, TODAY))
                   .when(new RaiseObjection(id, claim, objection, "too late"))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAnObjection_whenUpheld_thenTheClaimIsRejected() {
            countyApproved().andGivenCommands(new RaiseObjection(id, claim, objection, "not an only child"))
                   .when(new ResolveObjection(id, claim, objection, true, "a second child lives in Ningbo"),
                           by("clerk4"))
                   .expectEvents(new ObjectionResolved(id, claim, objection, true, "a second child lives in Ningbo",
                                   "clerk4", TODAY),
                           new BenefitClaimRejected(id, claim, null, "a second child lives in Ningbo", "clerk4",
                                   TODAY));
        }

        @Test
        void givenAnObjectionDismissedBeforeTheEnd_whenThePeriodEnds_thenGranted() {
            countyApproved().andGivenCommands(new RaiseObjection(id, claim, objection, "doubt"),
                                     new ResolveObjection(id, claim, objection, false, "unfounded"))
                   .whenTimeElapses(NOTICE)
                   .expectEvents(new PublicNoticeEnded(id, claim, CLOCK.instant(), false),
                           new BenefitClaimGranted(id, claim, TODAY));
        }

        @Test
        void givenAnOpenObjection_whenAStageDecidesAgain_thenRefused() {
            countyApproved().andGivenCommands(new RaiseObjection(id, claim, objection, "doubt"))
                   .when(new DecideBenefitClaim(id, claim, Stage.COUNTY_APPROVAL, Outcome.APPROVE, null), by("x"))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAClaimUnderReview_whenAnObjectionIsRaised_thenRefused() {
            fixture.given(parent(), filed(Programme.SPECIAL_SUPPORT, People.newId()))
                   .when(new RaiseObjection(id, claim, objection, "too early"))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenNoSuchObjection_whenResolved_thenNotFound() {
            countyApproved().when(new ResolveObjection(id, claim, objection, false, null))
                   .expectNoEvents()
                   .expectException(rejectedWith("OBJECTION_NOT_FOUND"));
        }
    }

    @Nested
    class AnAwardsOnlyChildTurning14 {

        @Test
        void givenAnAwardWhoseChildTurned14DuringTheReview_whenTheNoticeEnds_thenItEndsOnTheBirthdayUngranted() {
            LocalDate born = TODAY.minusYears(14).minusDays(3);
            PersonId only = child(Sex.MALE, born, null).personId();
            approvedByTheCounty(Programme.ONLY_CHILD_PARENT_AWARD, only)
                    .whenTimeElapses(NOTICE)
                    .expectEvents(new PublicNoticeEnded(id, claim, CLOCK.instant(), false),
                            new BenefitClaimEnded(id, claim, EndReason.CHILD_TURNED_14, born.plusYears(14)));
        }

        @Test
        void givenAGrantedAward_whenItsDeadlineRunsLate_thenItEndsOnTheBirthdayItself() {
            Object[] given = granted(LocalDate.of(2025, 5, 1));
            PersonId child = ((BenefitClaimFiled) given[1]).childId();
            children.replaceAll(relative -> new Kinship.Relative(relative.personId(), relative.sex(),
                    TODAY.minusYears(14).minusDays(20), null));
            as(given).when(new PersonHarness.ChildTurns14(id, claim))
                     .expectEvents(new BenefitClaimEnded(id, claim, EndReason.CHILD_TURNED_14,
                             TODAY.minusDays(20)));
            assert child != null;
        }
    }

    @Nested
    class Payments {

        final LocalDate grantedOn = LocalDate.of(2026, 2, 10);

        PayBenefit pay(String month) {
            return new PayBenefit(id, claim, YearMonth.parse(month), TWENTY);
        }

        @Test
        void givenAGrantedClaim_whenPaidForAMonth_thenPaidOnce() {
            as(granted(grantedOn.minusDays(7))).when(pay("2026-03"))
                    .expectEvents(new BenefitPaid(id, claim, "2026-03", TWENTY, TODAY))
                    .expectResultMessagePayload(PaymentOutcome.PAID);
        }

        @Test
        void givenAPayment_whenTheSamePeriodIsPaidAgain_thenNothingIsPaid() {
            Object[] given = granted(grantedOn.minusDays(7));
            List<Object> events = new ArrayList<>(List.of(given));
            events.add(new BenefitPaid(id, claim, "2026-03", TWENTY, TODAY));
            as(events.toArray()).when(pay("2026-03"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.ALREADY_PAID);
        }

        @Test
        void givenAClaimGrantedInFebruary_whenJanuaryIsPaid_thenItIsNotDueAsGrantedAfterThePeriod() {
            as(granted(grantedOn.minusDays(7))).when(pay("2026-01"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.GRANTED_AFTER_PERIOD);
        }

        @Test
        void givenAClaimOfLastYearNotRecertified_whenThisYearIsPaid_thenItIsNotDueAsNotRecertified() {
            as(granted(LocalDate.of(2025, 5, 1))).when(pay("2026-03"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.NOT_RECERTIFIED);
        }

        @Test
        void givenAClaimUnderReview_whenPaid_thenItIsNotDueAsUnderReview() {
            as(parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, People.newId()),
                    new BenefitClaimApproved(id, claim, Stage.VILLAGE_ASSESSMENT, null, "clerk", TODAY))
                    .when(pay("2026-03"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.UNDER_REVIEW);
        }

        @Test
        void givenARejectedClaim_whenPaid_thenItIsNotDueAsRejected() {
            as(parent(), filed(Programme.ONLY_CHILD_PARENT_AWARD, People.newId()),
                    new BenefitClaimRejected(id, claim, Stage.VILLAGE_ASSESSMENT, "two children", "clerk", TODAY))
                    .when(pay("2026-03"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.REJECTED);
        }

        @Test
        void givenAClaimOfLastYearRecertified_whenThisYearIsPaid_thenPaid() {
            List<Object> events = new ArrayList<>(List.of(granted(LocalDate.of(2025, 5, 1))));
            events.add(new BenefitClaimRecertified(id, claim, 2026, Recertification.CONTINUE, null, TODAY));
            as(events.toArray()).when(pay("2026-03"))
                    .expectEvents(new BenefitPaid(id, claim, "2026-03", TWENTY, TODAY));
        }

        Object[] endedInMarch() {
            List<Object> events = new ArrayList<>(List.of(granted(grantedOn.minusDays(7))));
            events.add(new BenefitClaimEnded(id, claim, EndReason.EXITED, LocalDate.of(2026, 3, 20)));
            return events.toArray();
        }

        @Test
        void givenAClaimThatEndedInMarch_whenAprilIsPaid_thenItIsNotDueAsEnded() {
            as(endedInMarch()).when(pay("2026-04"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.ENDED);
        }

        @Test
        void givenAClaimThatEndedInMarch_whenMarchIsPaid_thenMarchIsPaid() {
            as(endedInMarch()).when(pay("2026-03"))
                    .expectEvents(new BenefitPaid(id, claim, "2026-03", TWENTY, TODAY));
        }

        @Test
        void givenAGrantImportedThisMonth_whenLastMonthIsPaid_thenItIsNotDueAsBeforeTheRegister() {
            as(imported(Programme.ONLY_CHILD_PARENT_AWARD, LocalDate.of(2019, 5, 1), TODAY)).when(pay("2026-05"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.BEFORE_REGISTER);
        }

        @Test
        void givenAGrantOfAnEarlierYearImportedThisMonth_whenThisMonthIsPaid_thenPaidWithoutARecertification() {
            as(imported(Programme.ONLY_CHILD_PARENT_AWARD, LocalDate.of(2019, 5, 1), TODAY)).when(pay("2026-06"))
                    .expectEvents(new BenefitPaid(id, claim, "2026-06", TWENTY, TODAY))
                    .expectResultMessagePayload(PaymentOutcome.PAID);
        }

        @Test
        void givenAGrantImportedLastYear_whenThisYearIsPaid_thenItNeedsTheYearsRecertification() {
            LocalDate importedOn = LocalDate.of(2025, 11, 20);
            Object[] given = imported(Programme.ONLY_CHILD_PARENT_AWARD, LocalDate.of(2019, 5, 1), importedOn);
            as(given).when(pay("2026-03"))
                    .expectNoEvents()
                    .expectResultMessagePayload(PaymentOutcome.NOT_RECERTIFIED);
            List<Object> recertified = new ArrayList<>(List.of(given));
            recertified.add(new BenefitClaimRecertified(id, claim, 2026, Recertification.CONTINUE, null, TODAY));
            as(recertified.toArray()).when(pay("2026-03"))
                    .expectEvents(new BenefitPaid(id, claim, "2026-03", TWENTY, TODAY));
        }

        @Test
        void givenAYearlyGrantImportedInJune_whenItsYearIsPaid_thenPaid() {
            as(imported(Programme.RURAL_REWARD_SUPPORT, LocalDate.of(2019, 5, 1), TODAY)).when(pay("2026-01"))
                    .expectEvents(new BenefitPaid(id, claim, "2026", TWENTY, TODAY));
        }
    }

    @Nested
    class RecertificationAndEnd {

        @Test
        void givenAGrantedClaim_whenRecertifiedToContinue_thenRecertified() {
            as(granted(LocalDate.of(2025, 5, 1)))
                    .when(new RecertifyBenefitClaim(id, claim, 2026, Recertification.CONTINUE, null))
                    .expectEvents(new BenefitClaimRecertified(id, claim, 2026, Recertification.CONTINUE, null, TODAY));
        }

        @Test
        void givenAGrantedClaim_whenItExits_thenItEndsWithTheReason() {
            as(granted(LocalDate.of(2025, 5, 1)))
                    .when(new RecertifyBenefitClaim(id, claim, 2026, Recertification.EXIT, "moved to a care home"))
                    .expectEvents(new BenefitClaimRecertified(id, claim, 2026, Recertification.EXIT,
                                    "moved to a care home", TODAY),
                            new BenefitClaimEnded(id, claim, EndReason.EXITED, TODAY));
        }

        @Test
        void givenAGrantedClaim_whenItExitsWithoutAReason_thenRefused() {
            as(granted(LocalDate.of(2025, 5, 1)))
                    .when(new RecertifyBenefitClaim(id, claim, 2026, Recertification.EXIT, null))
                    .expectNoEvents()
                    .expectException(rejectedWith("VALIDATION_FAILED", "reason"));
        }

        @Test
        void givenARecertifiedYear_whenRecertifiedAgain_thenRefused() {
            List<Object> events = new ArrayList<>(List.of(granted(LocalDate.of(2025, 5, 1))));
            events.add(new BenefitClaimRecertified(id, claim, 2026, Recertification.CONTINUE, null, TODAY));
            as(events.toArray()).when(new RecertifyBenefitClaim(id, claim, 2026, Recertification.CONTINUE, null))
                    .expectNoEvents()
                    .expectException(rejectedWith("ALREADY_RECERTIFIED"));
        }

        @Test
        void givenAClaimUnderReview_whenRecertified_thenRefused() {
            as(parent(), filed(Programme.SPECIAL_SUPPORT, People.newId()))
                    .when(new RecertifyBenefitClaim(id, claim, 2026, Recertification.CONTINUE, null))
                    .expectNoEvents()
                    .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAGrantedClaim_whenTheBeneficiaryDies_thenTheClaimEnds() {
            LocalDate on = TODAY.minusDays(1);
            as(granted(LocalDate.of(2025, 5, 1))).when(new RegisterDeath(id, on))
                    .expectEvents(new PersonDied(id, on), new BenefitClaimEnded(id, claim, EndReason.BENEFICIARY_DIED, on));
        }

        @Test
        void givenAGrantedClaim_whenTheBeneficiaryMovesAway_thenTheClaimEnds() {
            LocalDate on = TODAY.minusDays(1);
            as(granted(LocalDate.of(2025, 5, 1))).when(new MovePersonOut(id, on, "Ningbo", MoveReason.WORK))
                    .expectEvents(new PersonMovedOut(id, on, "Ningbo", MoveReason.WORK, Residency.PERMANENT, false),
                            new BenefitClaimEnded(id, claim, EndReason.MOVED_AWAY, on));
        }

        @Test
        void givenAnAward_whenItsOnlyChildDies_thenTheAwardEnds() {
            Object[] given = granted(LocalDate.of(2025, 5, 1));
            PersonId child = ((BenefitClaimFiled) given[1]).childId();
            as(given).when(new PersonHarness.ChildDied(id, child, TODAY))
                     .expectEvents(new BenefitClaimEnded(id, claim, EndReason.CHILD_DIED, TODAY));
        }

        @Test
        void givenAnAwardOnNotice_whenGranted_thenItsEndIsScheduledForTheChildsFourteenthBirthday() {
            PersonId only = child(Sex.MALE, LocalDate.of(2020, 7, 1), null).personId();
            approvedByTheCounty(Programme.ONLY_CHILD_PARENT_AWARD, only)
                    .whenTimeElapses(NOTICE)
                    .expectEvents(new PublicNoticeEnded(id, claim, CLOCK.instant(), false),
                            new BenefitClaimGranted(id, claim, TODAY))
                    .expectScheduledDeadlineWithName(
                            Duration.between(CLOCK.instant().plus(NOTICE),
                                    LocalDate.of(2034, 7, 1).atStartOfDay(People.ZONE).toInstant()),
                            Person.CHILD_TURNS_14);
        }
    }

    @Nested
    class ImportedGrants {

        final LocalDate grantedOn = LocalDate.of(2021, 3, 1);

        RecordImportedGrant grant(Programme programme, LocalDate on) {
            return new RecordImportedGrant(id, claim, programme, on, "import 1: 县卫健发〔2021〕3号");
        }

        @Test
        void givenAParentOfOneChildUnder14_whenAnImportBringsInTheirAward_thenGrantedFromItsDayAndItsEndScheduled() {
            PersonId only = child(Sex.MALE, LocalDate.of(2020, 7, 1), null).personId();
            as(parent()).when(grant(Programme.ONLY_CHILD_PARENT_AWARD, grantedOn))
                    .expectEvents(new BenefitGrantImported(id, claim, Programme.ONLY_CHILD_PARENT_AWARD, only,
                            "import 1: 县卫健发〔2021〕3号", grantedOn, TODAY))
                    .expectScheduledDeadlineWithName(Duration.between(CLOCK.instant(),
                            LocalDate.of(2034, 7, 1).atStartOfDay(People.ZONE).toInstant()), Person.CHILD_TURNS_14);
        }

        @Test
        void givenAParentOfTwoChildren_whenAnImportBringsInTheirAward_thenRefusedAsNotEligible() {
            child(Sex.FEMALE, LocalDate.of(2018, 3, 3), null);
            child(Sex.MALE, LocalDate.of(2021, 3, 3), null);
            as(parent()).when(grant(Programme.ONLY_CHILD_PARENT_AWARD, grantedOn))
                    .expectNoEvents()
                    .expectException(rejectedWith("NOT_ELIGIBLE"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("2 child(ren)"));
        }

        @Test
        void givenAGrantedClaimOfTheProgramme_whenAnImportBringsInAnother_thenRefusedAsOpenAlready() {
            as(granted(LocalDate.of(2025, 5, 1)))
                    .when(new RecordImportedGrant(id, new ClaimId(java.util.UUID.randomUUID()),
                            Programme.ONLY_CHILD_PARENT_AWARD, grantedOn, "import 2"))
                    .expectNoEvents()
                    .expectException(rejectedWith("CLAIM_ALREADY_OPEN"));
        }

        @Test
        void givenARecordEnteredInError_whenAnImportBringsInAGrant_thenRefused() {
            child(Sex.MALE, LocalDate.of(2020, 7, 1), null);
            as(parent(), new PersonEnteredInError(id, java.util.UUID.randomUUID(), "wrong file"))
                    .when(grant(Programme.ONLY_CHILD_PARENT_AWARD, grantedOn))
                    .expectNoEvents()
                    .expectException(rejectedWith("RECORD_ENTERED_IN_ERROR"));
        }

        @Test
        void givenAGrantDayToCome_whenAnImportBringsItIn_thenRefused() {
            child(Sex.MALE, LocalDate.of(2020, 7, 1), null);
            as(parent()).when(grant(Programme.ONLY_CHILD_PARENT_AWARD, TODAY.plusDays(1)))
                    .expectNoEvents()
                    .expectException(rejectedWith("DATE_IN_FUTURE", "grantedOn"));
        }

        @Test
        void givenAnImportedGrant_whenTheBeneficiaryMovesAway_thenItEndsAsAGrantedClaimDoes() {
            LocalDate on = TODAY.minusDays(1);
            as(imported(Programme.ONLY_CHILD_PARENT_AWARD, grantedOn, TODAY.minusDays(10)))
                    .when(new MovePersonOut(id, on, "Ningbo", MoveReason.WORK))
                    .expectEvents(new PersonMovedOut(id, on, "Ningbo", MoveReason.WORK, Residency.PERMANENT, false),
                            new BenefitClaimEnded(id, claim, EndReason.MOVED_AWAY, on));
        }

        @Test
        void givenAnImportedGrant_whenRecertifiedForAYearSinceItsGrant_thenRecertified() {
            as(imported(Programme.ONLY_CHILD_PARENT_AWARD, grantedOn, TODAY.minusDays(10)))
                    .when(new RecertifyBenefitClaim(id, claim, 2025, Recertification.CONTINUE, null))
                    .expectEvents(new BenefitClaimRecertified(id, claim, 2025, Recertification.CONTINUE, null, TODAY));
        }
    }
}
