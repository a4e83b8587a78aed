package org.registry.command.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.ChangeHouseholdHead;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelocateHousehold;
import org.registry.kernel.person.PersonId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.registry.command.Rejections.rejectedWith;

class HouseholdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final CommunityCode WENSAN = new CommunityCode("330106001001");
    static final CommunityCode XIXI = new CommunityCode("330106002003");
    static final PostalCode POSTCODE = PostalCode.of("310012");

    private final HouseholdId id = new HouseholdId(UUID.randomUUID());
    private AggregateTestFixture<Household> fixture;

    private final PersonId wang = new PersonId(UUID.randomUUID());
    private final PersonId li = new PersonId(UUID.randomUUID());

    /** Test-only commands reaching what other aggregates' commands ask of a household. */
    record Admit(HouseholdId householdId, PersonId personId, RelationToHead relation) {
    }

    record Release(HouseholdId householdId, PersonId personId) {
    }

    /** What a person's command asks of the household when the person's record is entered in error. */
    record MemberInError(HouseholdId householdId, PersonId personId) {
    }

    static final class Harness {
        private final Repository<Household> households;

        Harness(Repository<Household> households) {
            this.households = households;
        }

        @CommandHandler
        void handle(Admit command) {
            households.load(command.householdId().toString())
                      .execute(it -> it.admit(command.personId(), command.relation(), TODAY));
        }

        @CommandHandler
        void handle(Release command) {
            households.load(command.householdId().toString())
                      .execute(it -> it.release(command.personId(), LeavingReason.TRANSFERRED, TODAY));
        }

        @CommandHandler
        void handle(MemberInError command) {
            households.load(command.householdId().toString()).execute(it -> it.memberEnteredInError(command.personId()));
        }
    }

    /** A household fixture on {@link #TODAY}, taking the test-only commands above. */
    static AggregateTestFixture<Household> fixture() {
        AggregateTestFixture<Household> fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai")));
        fixture.registerAnnotatedCommandHandler(new Harness(fixture.getRepository()));
        return fixture;
    }

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private MemberJoinedHousehold joined(PersonId person, RelationToHead relation) {
        return new MemberJoinedHousehold(id, person, relation, TODAY.minusYears(1));
    }

    @Test
    void givenAHouseholdWithoutHead_whenAHeadJoins_thenJoined() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new Admit(id, wang, RelationToHead.HEAD))
               .expectEvents(new MemberJoinedHousehold(id, wang, RelationToHead.HEAD, TODAY));
    }

    @Test
    void givenAHeadedHousehold_whenASecondHeadJoins_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD))
               .when(new Admit(id, li, RelationToHead.HEAD))
               .expectNoEvents()
               .expectException(rejectedWith("HOUSEHOLD_HAS_HEAD"));
    }

    @Test
    void givenAMember_whenTheSamePersonJoinsAgain_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.CHILD))
               .when(new Admit(id, wang, RelationToHead.CHILD))
               .expectNoEvents()
               .expectException(rejectedWith("ALREADY_A_MEMBER"));
    }

    @Test
    void givenAMember_whenTheyLeave_thenLeft() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD))
               .when(new Release(id, wang))
               .expectEvents(new MemberLeftHousehold(id, wang, LeavingReason.TRANSFERRED, TODAY));
    }

    @Test
    void givenAHeadWhoLeft_whenANewHeadJoins_thenJoined() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD),
                      new MemberLeftHousehold(id, wang, LeavingReason.DIED, TODAY.minusDays(3)))
               .when(new Admit(id, li, RelationToHead.HEAD))
               .expectEvents(new MemberJoinedHousehold(id, li, RelationToHead.HEAD, TODAY));
    }

    @Test
    void givenANonMember_whenTheyLeave_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new Release(id, wang))
               .expectNoEvents()
               .expectException(rejectedWith("NOT_A_MEMBER"));
    }

    @Test
    void givenAHeadAndSpouse_whenTheSpouseBecomesHead_thenTheFormerHeadIsTheSpouse() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD), joined(li, RelationToHead.SPOUSE))
               .when(new ChangeHouseholdHead(id, li, TODAY))
               .expectEvents(new HouseholdHeadChanged(id, li, wang, RelationToHead.SPOUSE, TODAY));
    }

    @Test
    void givenAHeadAndChild_whenTheChildBecomesHead_thenTheFormerHeadIsAParent() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD), joined(li, RelationToHead.CHILD))
               .when(new ChangeHouseholdHead(id, li, TODAY))
               .expectEvents(new HouseholdHeadChanged(id, li, wang, RelationToHead.PARENT, TODAY));
    }

    @Test
    void givenAHeadlessHousehold_whenAMemberBecomesHead_thenHeadWithoutPredecessor() {
        fixture.given(registered(TODAY.minusYears(3)), joined(li, RelationToHead.CHILD))
               .when(new ChangeHouseholdHead(id, li, TODAY))
               .expectEvents(new HouseholdHeadChanged(id, li, null, null, TODAY));
    }

    @Test
    void givenAHousehold_whenANonMemberIsMadeHead_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD))
               .when(new ChangeHouseholdHead(id, li, TODAY))
               .expectNoEvents()
               .expectException(rejectedWith("NOT_A_MEMBER", "personId"));
    }

    @Test
    void givenAHead_whenMadeHeadAgain_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD))
               .when(new ChangeHouseholdHead(id, wang, TODAY))
               .expectNoEvents()
               .expectException(rejectedWith("NOTHING_CHANGES", "personId"));
    }

    @Test
    void givenAHousehold_whenTheHeadChangesTomorrow_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)), joined(wang, RelationToHead.HEAD), joined(li, RelationToHead.SPOUSE))
               .when(new ChangeHouseholdHead(id, li, TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    private HouseholdRegistered registered(LocalDate on) {
        return new HouseholdRegistered(id, WENSAN, "1 Wensan Road", POSTCODE, HouseholdKind.REGISTERED, "H-17", on);
    }

    @Test
    void givenNothing_whenRegisterHousehold_thenRegistered() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold(id, WENSAN, " 1 Wensan Road ", POSTCODE, HouseholdKind.REGISTERED, "H-17", TODAY))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(TODAY));
    }

    @Test
    void givenNothing_whenRegisterHouseholdDatedTomorrow_thenRejected() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold(id, WENSAN, "1 Wensan Road", null, HouseholdKind.REGISTERED, null,
                       TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    @Test
    void givenHousehold_whenRelocateToAnotherCommunity_thenRelocatedFromTheOldOne() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", null, TODAY.minusDays(2)))
               .expectEvents(new HouseholdRelocated(id, WENSAN, XIXI, "8 Xixi Road", null, TODAY.minusDays(2)));
    }

    @Test
    void givenHousehold_whenRelocateWithinItsCommunity_thenRelocated() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, WENSAN, "2 Wensan Road", null, TODAY))
               .expectEvents(new HouseholdRelocated(id, WENSAN, WENSAN, "2 Wensan Road", null, TODAY));
    }

    @Test
    void givenHousehold_whenRelocateToWhereItIs_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, WENSAN, "1 Wensan Road", POSTCODE, TODAY))
               .expectNoEvents()
               .expectException(rejectedWith("NOTHING_CHANGES"));
    }

    @Test
    void givenHousehold_whenOnlyThePostalCodeOfItsAddressChanges_thenRelocated() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, WENSAN, "1 Wensan Road", PostalCode.of("310013"), TODAY))
               .expectEvents(new HouseholdRelocated(id, WENSAN, WENSAN, "1 Wensan Road", PostalCode.of("310013"),
                       TODAY));
    }

    @Test
    void givenHousehold_whenRelocateInTheFuture_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", null, TODAY.plusDays(1)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    @Test
    void givenHousehold_whenRelocateBeforeItWasRegistered_thenRejected() {
        fixture.given(registered(TODAY.minusYears(1)))
               .when(new RelocateHousehold(id, XIXI, "8 Xixi Road", null, TODAY.minusYears(2)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_BEFORE_LAST_MOVE", "date"));
    }

    @Test
    void givenRelocatedHousehold_whenRelocateDatedBeforeTheLastMove_thenRejected() {
        fixture.given(registered(TODAY.minusYears(3)),
                      new HouseholdRelocated(id, WENSAN, XIXI, "8 Xixi Road", null, TODAY.minusMonths(1)))
               .when(new RelocateHousehold(id, WENSAN, "9 Wensan Road", null, TODAY.minusMonths(2)))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_BEFORE_LAST_MOVE"));
    }
}
