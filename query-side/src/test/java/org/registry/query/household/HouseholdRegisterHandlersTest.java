package org.registry.query.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;
import org.registry.query.Facts;
import org.registry.query.ProjectionDatabase;
import org.springframework.dao.DuplicateKeyException;

import java.time.LocalDate;

/** The household register's handlers, called as the event processor calls them, on the query side's own tables. */
class HouseholdRegisterHandlersTest {

    private ProjectionDatabase database;
    private HouseholdRegister register;
    private final HouseholdId household = Facts.newHousehold();
    private final PersonId head = Facts.newPerson();
    private HouseholdRegistered registered;

    @BeforeEach
    void setUp() {
        database = ProjectionDatabase.create();
        register = new HouseholdRegister(database.jdbc());
        registered = Facts.householdRegistered(household, Facts.COMMUNITY);
        register.on(registered, 0);
        register.on(Facts.personRegistered(head, household, "Wang Fang", Sex.FEMALE, LocalDate.of(1990, 4, 2)));
        register.on(new MemberJoinedHousehold(household, head, RelationToHead.HEAD, LocalDate.of(2011, 1, 1)), 1);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private HouseholdView read() {
        return register.find(household).orElseThrow();
    }

    private PersonDetailCorrected corrected(Correction correction) {
        return new PersonDetailCorrected(head, correction, "typed from the wrong form");
    }

    @Test
    void aMemberIsListedByName() {
        HouseholdView read = read();

        assertThat(read.version()).isEqualTo(1);
        assertThat(read.members()).extracting(HouseholdView.MemberView::name).containsExactly("Wang Fang");
        assertThat(read.members().get(0).relationToHead()).isEqualTo(RelationToHead.HEAD);
    }

    @Test
    void aCorrectedNameIsTheMembersName() {
        register.on(corrected(new Correction.OfName("Wang Fang", "Wang Fan")));

        assertThat(read().members()).extracting(HouseholdView.MemberView::name).containsExactly("Wang Fan");
    }

    @Test
    void aCorrectionOfWhatTheRegisterDoesNotShowChangesNothing() {
        var before = database.rows(register);

        register.on(corrected(new Correction.OfSex(Sex.FEMALE, Sex.MALE)));
        register.on(corrected(new Correction.OfBirthDate(LocalDate.of(1990, 4, 2), LocalDate.of(1990, 4, 3))));

        assertThat(database.rows(register)).isEqualTo(before);
    }

    @Test
    void theSameCorrectionTwiceChangesNothing() {
        database.assertHandledTwiceLikeOnce(register,
                () -> register.on(corrected(new Correction.OfName("Wang Fang", "Wang Fan"))));
    }

    /** A registration is an insert: handled again it is refused by the key, never a second household. */
    @Test
    void theSameRegistrationTwiceIsRefusedAndLeavesOneHousehold() {
        var once = database.rows(register);

        assertThatThrownBy(() -> register.on(registered, 0)).isInstanceOf(DuplicateKeyException.class);

        assertThat(database.rows(register)).isEqualTo(once);
    }
}
