package org.registry.kernel.household;

import org.junit.jupiter.api.Test;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A household's record as the fold leaves it after its own events. */
class HouseholdStateTest {

    private static final CommunityCode HERE = new CommunityCode("330106001001");
    private static final CommunityCode THERE = new CommunityCode("330106002003");
    private static final LocalDate DAY = LocalDate.of(2020, 5, 4);

    private final HouseholdId id = new HouseholdId(UUID.randomUUID());
    private final PersonId head = new PersonId(UUID.randomUUID());
    private final PersonId spouse = new PersonId(UUID.randomUUID());

    private HouseholdState withTwoMembers() {
        return HouseholdState.empty(id)
                .when(new HouseholdRegistered(id, HERE, "1 Wensan Road", null, HouseholdKind.REGISTERED, "H-1", DAY), 0)
                .when(new MemberJoinedHousehold(id, head, RelationToHead.HEAD, DAY), 1)
                .when(new MemberJoinedHousehold(id, spouse, RelationToHead.SPOUSE, DAY.plusDays(1)), 2);
    }

    @Test
    void aRegistrationAndItsMembers() {
        HouseholdState state = withTwoMembers();

        assertThat(state.community()).isEqualTo(HERE);
        assertThat(state.householdNumber()).isEqualTo("H-1");
        assertThat(state.members()).containsOnlyKeys(head, spouse);
        assertThat(state.members().get(spouse))
                .isEqualTo(new HouseholdState.Member(RelationToHead.SPOUSE, DAY.plusDays(1)));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void aRelocationMovesTheHouseholdAndKeepsItsMembers() {
        HouseholdState moved = withTwoMembers().when(new HouseholdRelocated(id, HERE, THERE, "2 Road", null, DAY), 3);

        assertThat(moved.community()).isEqualTo(THERE);
        assertThat(moved.address()).isEqualTo("2 Road");
        assertThat(moved.members()).hasSize(2);
    }

    @Test
    void aChangeOfHeadSwapsTheRelationsAndKeepsTheDaysTheyJoined() {
        HouseholdState before = withTwoMembers();
        HouseholdState after = before.when(new HouseholdHeadChanged(id, spouse, head, RelationToHead.SPOUSE, DAY), 3);

        assertThat(after.members().get(spouse))
                .isEqualTo(new HouseholdState.Member(RelationToHead.HEAD, DAY.plusDays(1)));
        assertThat(after.members().get(head)).isEqualTo(new HouseholdState.Member(RelationToHead.SPOUSE, DAY));
        assertThat(after.members().keySet()).containsExactly(head, spouse);
        assertThat(before.members().get(head).relation()).as("the earlier state is left as it was")
                                                          .isEqualTo(RelationToHead.HEAD);
    }

    @Test
    void aMemberWhoDiedStaysAndOneWhoLeftOrWasEnteredInErrorGoes() {
        HouseholdState died = withTwoMembers().when(new MemberLeftHousehold(id, spouse, LeavingReason.DIED, DAY), 3);
        HouseholdState left = withTwoMembers()
                .when(new MemberLeftHousehold(id, spouse, LeavingReason.MOVED_AWAY, DAY), 3);
        HouseholdState inError = withTwoMembers().when(new MemberEnteredInError(id, spouse), 3);

        assertThat(died.members()).containsKey(spouse);
        assertThat(left.members()).doesNotContainKey(spouse);
        assertThat(inError.members()).doesNotContainKey(spouse);
    }
}
