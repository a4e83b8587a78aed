package org.registry.kernel.person;

import org.junit.jupiter.api.Test;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's record as the fold leaves it after their own events and those of their households. */
class PersonStateTest {

    private static final CommunityCode HERE = new CommunityCode("330106001001");
    private static final CommunityCode THERE = new CommunityCode("330106002003");
    private static final LocalDate DAY = LocalDate.of(2020, 5, 4);

    private final PersonId person = new PersonId(UUID.randomUUID());
    private final HouseholdId first = new HouseholdId(UUID.randomUUID());
    private final HouseholdId second = new HouseholdId(UUID.randomUUID());

    private static HouseholdRegistered household(HouseholdId id, CommunityCode community) {
        return new HouseholdRegistered(id, community, "1 Wensan Road", null, HouseholdKind.REGISTERED, "H-1", DAY);
    }

    private PersonState registered() {
        return PersonState.empty(person)
                .when(household(first, HERE), 0, 1)
                .when(household(second, THERE), 0, 2)
                .when(new PersonRegistered(person, null, "Wang Fang", Sex.FEMALE, LocalDate.of(1990, 4, 2), "Han",
                        MaritalStatus.SINGLE, first, RelationToHead.SPOUSE, Residency.PERMANENT, DAY, null, null,
                        null), 0, 7);
    }

    @Test
    void aRegistrationSetsTheDetailsAndTheAreaIsTheHouseholdsCommunity() {
        PersonState state = registered();

        assertThat(state.name()).isEqualTo("Wang Fang");
        assertThat(state.householdId()).isEqualTo(first);
        assertThat(state.communityCode()).isEqualTo(HERE);
        assertThat(state.registeredPosition()).isEqualTo(7);
        assertThat(state.version()).isZero();
    }

    @Test
    void theAreaFollowsARelocationAndATransfer() {
        PersonState relocated = registered().when(new HouseholdRelocated(first, HERE, THERE, "2 Road", null, DAY), 1, 8);
        PersonState transferred = registered().when(
                new PersonTransferred(person, first, second, RelationToHead.CHILD, DAY), 1, 8);

        assertThat(relocated.communityCode()).isEqualTo(THERE);
        assertThat(relocated.version()).as("a household's event is not the person's").isZero();
        assertThat(transferred.householdId()).isEqualTo(second);
        assertThat(transferred.relation()).isEqualTo(RelationToHead.CHILD);
        assertThat(transferred.communityCode()).isEqualTo(THERE);
        assertThat(transferred.version()).isEqualTo(1);
    }

    @Test
    void aChangeOfHeadNamingThePersonChangesTheirRelation() {
        PersonId other = new PersonId(UUID.randomUUID());
        PersonState head = registered().when(new HouseholdHeadChanged(first, person, other, RelationToHead.SPOUSE, DAY),
                3, 9);

        assertThat(head.relation()).isEqualTo(RelationToHead.HEAD);
        assertThat(head.when(new HouseholdHeadChanged(first, other, person, RelationToHead.PARENT, DAY), 4, 10)
                       .relation()).isEqualTo(RelationToHead.PARENT);
    }

    @Test
    void anotherPersonsEventsLeaveTheRecordAsItIs() {
        PersonState state = registered();
        PersonId other = new PersonId(UUID.randomUUID());

        assertThat(state.when(new PersonDied(other, DAY), 5, 11)).isSameAs(state);
    }

    @Test
    void aDeathEndsTheMembershipButKeepsTheArea() {
        PersonState before = registered();
        PersonState died = before.when(new PersonDied(person, DAY.plusDays(3)), 1, 12);

        assertThat(died.residency()).isEqualTo(Residency.DECEASED);
        assertThat(died.diedOn()).isEqualTo(DAY.plusDays(3));
        assertThat(died.householdId()).isNull();
        assertThat(died.communityCode()).isEqualTo(HERE);
        assertThat(before.residency()).as("the earlier state is left as it was").isEqualTo(Residency.PERMANENT);
    }
}
