package org.registry.query.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonView;
import org.registry.kernel.person.Sex;
import org.registry.query.Facts;
import org.registry.query.ProjectionDatabase;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;

import java.time.LocalDate;
import java.util.List;

/** The person index's handlers, called as the event processor calls them, on the query side's own tables. */
class PersonIndexHandlersTest {

    private static final LocalDate BORN = LocalDate.of(1990, 4, 2);

    private ProjectionDatabase database;
    private PersonIndex index;
    private final HouseholdId household = Facts.newHousehold();
    private final PersonId person = Facts.newPerson();

    @BeforeEach
    void setUp() {
        database = ProjectionDatabase.create();
        index = new PersonIndex(database.jdbc());
        index.on(Facts.householdRegistered(household, Facts.COMMUNITY));
        index.on(Facts.personRegistered(person, household, "Wang Fang", Sex.FEMALE, BORN), 0, 10);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private PersonView read() {
        return index.find(person).orElseThrow();
    }

    private void correct(Correction correction, long version) {
        index.on(new PersonDetailCorrected(person, correction, "typed from the wrong form"), version);
    }

    @Test
    void aRegisteredPersonIsIndexedInTheCommunityOfTheHousehold() {
        PersonView read = read();

        assertThat(read.name()).isEqualTo("Wang Fang");
        assertThat(read.birthDate()).isEqualTo(BORN);
        assertThat(read.communityCode()).isEqualTo(Facts.COMMUNITY);
        assertThat(read.version()).isZero();
    }

    @Test
    void anImportedGrantIsShownAsAGrantedClaimFiledOnTheImportDay() {
        ClaimId claim = new ClaimId(java.util.UUID.randomUUID());
        index.on(new BenefitGrantImported(person, claim, Programme.ONLY_CHILD_PARENT_AWARD, Facts.newPerson(),
                "import 1", LocalDate.of(2021, 3, 1), LocalDate.of(2026, 3, 2)), 1);

        PersonView read = read();
        assertThat(read.claims()).singleElement().satisfies(shown -> {
            assertThat(shown.claimId()).isEqualTo(claim);
            assertThat(shown.status()).isEqualTo(ClaimStatus.GRANTED);
            assertThat(shown.grantedOn()).isEqualTo(LocalDate.of(2021, 3, 1));
            assertThat(shown.filedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        });
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void eachCorrectionChangesItsDetailAndTheVersion() {
        LocalDate corrected = BORN.plusDays(1);
        NationalId id = Facts.nationalId(corrected, Sex.MALE, 8);
        correct(new Correction.OfBirthDate(BORN, corrected), 1);
        correct(new Correction.OfSex(Sex.FEMALE, Sex.MALE), 2);
        correct(new Correction.OfNationalId(read().nationalId(), id), 3);
        correct(new Correction.OfName("Wang Fang", "Wang Fan"), 4);
        correct(new Correction.OfEthnicity("Han", null), 5);

        PersonView read = read();
        assertThat(read.birthDate()).isEqualTo(corrected);
        assertThat(read.sex()).isEqualTo(Sex.MALE);
        assertThat(read.nationalId()).isEqualTo(id);
        assertThat(read.name()).isEqualTo("Wang Fan");
        assertThat(read.ethnicity()).isNull();
        assertThat(read.version()).isEqualTo(5);
    }

    @Test
    void theSameCorrectionTwiceChangesNothing() {
        database.assertHandledTwiceLikeOnce(index,
                () -> correct(new Correction.OfBirthDate(BORN, BORN.minusDays(3)), 1));
    }

    @Test
    void theSameRelocationTwiceChangesNothing() {
        HouseholdRelocated relocated = new HouseholdRelocated(household, Facts.COMMUNITY, Facts.ELSEWHERE,
                "8 Xixi Road", null, LocalDate.of(2020, 5, 1));
        database.assertHandledTwiceLikeOnce(index, () -> index.on(relocated));

        assertThat(read().communityCode()).isEqualTo(Facts.ELSEWHERE);
    }

    @Test
    void aCorrectionOfAPersonTheIndexDoesNotHoldFailsRatherThanBeingSkipped() {
        PersonDetailCorrected stranger = new PersonDetailCorrected(Facts.newPerson(),
                new Correction.OfName("A", "B"), null);
        var before = database.rows(index);

        assertThatThrownBy(() -> index.on(stranger, 1))
                .isInstanceOf(JdbcUpdateAffectedIncorrectNumberOfRowsException.class)
                .hasMessageContaining("UPDATE person_index").hasMessageContaining("affected 0 rows");
        assertThat(database.rows(index)).isEqualTo(before);
    }

    @Test
    void theBirthOrderTheIndexDerivesInSqlIsTheKernelsRule() {
        List<BirthOrder.Birth> births = Facts.fourChildren();
        for (BirthOrder.Birth birth : births) {
            index.on(Facts.birthRegistered(birth.child(), person, household, birth.born()), 0, birth.registered());
        }

        List<Integer> derived = births.stream()
                .map(birth -> index.find(birth.child()).orElseThrow().birthOrder()).toList();
        assertThat(derived).isEqualTo(births.stream().map(birth -> BirthOrder.of(birth, births)).toList())
                           .containsExactly(2, 1, 3, 4);
    }
}
