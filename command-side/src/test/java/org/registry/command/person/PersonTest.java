package org.registry.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.registry.command.directory.NationalIdHolders;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.AddNationalId;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CorrectPersonDetail;
import org.registry.kernel.person.CorrectableField;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.RegisterMaritalStatus;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.person.People.CLOCK;
import static org.registry.command.person.People.HOME;
import static org.registry.command.person.People.TODAY;
import static org.registry.command.person.People.nationalId;

/** The commands a person's record decides alone: marital status, a national ID, corrections. */
class PersonTest {

    private AggregateTestFixture<Person> fixture;
    private final Map<NationalId, PersonId> holders = new HashMap<>();
    private final PersonId id = People.newId();
    private final LocalDate born = LocalDate.of(1990, 4, 2);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
        NationalIdHolders lookup = nationalId -> Optional.ofNullable(holders.get(nationalId));
        fixture.registerInjectableResource(lookup);
        fixture.registerAnnotatedCommandHandler(new Registrations(fixture.getRepository(), new RecordingHouseholds(),
                lookup, new StubDeadlineManager(), CLOCK));
    }

    private PersonRegistered man() {
        return People.registered(id, Sex.MALE, born, Residency.PERMANENT);
    }

    /** A newborn whose mother the fixture does not hold (it holds one record): corrections stay on the child. */
    private BirthRegistered newborn(LocalDate on) {
        return new BirthRegistered(id, null, null, "Wang Xiaoming", Sex.MALE, on, null, null, HOME,
                RelationToHead.CHILD, Residency.PERMANENT);
    }

    @Nested
    class MaritalStatusChanges {

        @Test
        void givenASinglePerson_whenMarries_thenMarried() {
            LocalDate on = LocalDate.of(2020, 10, 1);
            fixture.given(man())
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, on))
                   .expectEvents(new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE, on));
        }

        @Test
        void givenAMarriedPerson_whenDivorces_thenDivorced() {
            LocalDate on = LocalDate.of(2024, 1, 5);
            fixture.given(man(), new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE,
                                  LocalDate.of(2020, 10, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.DIVORCED, on))
                   .expectEvents(new MaritalStatusRegistered(id, MaritalStatus.DIVORCED, MaritalStatus.MARRIED, on));
        }

        @Test
        void givenADivorcedPerson_whenMarriesAgain_thenMarried() {
            fixture.given(man(),
                          new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE, LocalDate.of(2015, 1, 1)),
                          new MaritalStatusRegistered(id, MaritalStatus.DIVORCED, MaritalStatus.MARRIED, LocalDate.of(2018, 1, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, LocalDate.of(2022, 2, 2)))
                   .expectEvents(new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.DIVORCED,
                           LocalDate.of(2022, 2, 2)));
        }

        @Test
        void givenASinglePerson_whenDivorces_thenRejected() {
            fixture.given(man())
                   .when(new RegisterMaritalStatus(id, MaritalStatus.DIVORCED, LocalDate.of(2024, 1, 5)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAMarriedPerson_whenMarriesAgain_thenRejected() {
            fixture.given(man(), new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE,
                                  LocalDate.of(2020, 10, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, LocalDate.of(2024, 1, 5)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAMarriedPerson_whenBecomesSingle_thenRejected() {
            fixture.given(man(), new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE,
                                  LocalDate.of(2020, 10, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.SINGLE, LocalDate.of(2024, 1, 5)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAMarriage_whenADivorceIsDatedBeforeIt_thenRejected() {
            fixture.given(man(), new MaritalStatusRegistered(id, MaritalStatus.MARRIED, MaritalStatus.SINGLE,
                                  LocalDate.of(2020, 10, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.DIVORCED, LocalDate.of(2019, 1, 5)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_LAST_FACT", "date"));
        }

        @Test
        void givenAPerson_whenMarriesBeforeBirth_thenRejected() {
            fixture.given(man())
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, born.minusDays(1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_BIRTH", "date"));
        }

        @Test
        void givenAPerson_whenMarriesTomorrow_thenRejected() {
            fixture.given(man())
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
        }

        @Test
        void givenADeadPerson_whenMarries_thenRejected() {
            fixture.given(man(), new PersonDied(id, LocalDate.of(2025, 1, 1)))
                   .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, LocalDate.of(2024, 1, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }
    }

    @Nested
    class AddingANationalId {

        final LocalDate newbornOn = LocalDate.of(2026, 1, 10);
        final NationalId its = nationalId(newbornOn, Sex.MALE, 12);

        @Test
        void givenANewbornWithoutId_whenItsIdIsAdded_thenAdded() {
            fixture.given(newborn(newbornOn))
                   .when(new AddNationalId(id, its))
                   .expectEvents(new NationalIdAdded(id, its));
        }

        @Test
        void givenAPersonWithAnId_whenAnotherIsAdded_thenRejected() {
            fixture.given(man())
                   .when(new AddNationalId(id, nationalId(born, Sex.MALE, 3)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenANewborn_whenAnIdOfAnotherBirthDateIsAdded_thenRejected() {
            fixture.given(newborn(newbornOn))
                   .when(new AddNationalId(id, nationalId(newbornOn.plusDays(1), Sex.MALE, 12)))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_BIRTH_DATE_MISMATCH", "nationalId"));
        }

        @Test
        void givenANewborn_whenAGirlsIdIsAddedToABoy_thenRejected() {
            fixture.given(newborn(newbornOn))
                   .when(new AddNationalId(id, nationalId(newbornOn, Sex.FEMALE, 12)))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_SEX_MISMATCH", "nationalId"));
        }

        @Test
        void givenANewborn_whenAnIdHeldByAnotherPersonIsAdded_thenRejected() {
            holders.put(its, People.newId());
            fixture.given(newborn(newbornOn))
                   .when(new AddNationalId(id, its))
                   .expectNoEvents()
                   .expectException(rejectedWith("DUPLICATE_NATIONAL_ID"));
        }

        @Test
        void givenADeadNewborn_whenItsIdIsAdded_thenRejected() {
            fixture.given(newborn(newbornOn), new PersonDied(id, newbornOn.plusDays(3)))
                   .when(new AddNationalId(id, its))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }
    }

    @Nested
    class Corrections {

        CorrectPersonDetail correct(CorrectableField field, String value) {
            return new CorrectPersonDetail(id, field, value, "typed from the wrong form");
        }

        @Test
        void givenAPerson_whenTheNameIsCorrected_thenTheOldNameIsKeptBesideTheNew() {
            fixture.given(man())
                   .when(correct(CorrectableField.NAME, "Wang Fan"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfName("Wang Fang", "Wang Fan"),
                           "typed from the wrong form"));
        }

        @Test
        void givenADeadPerson_whenTheNameIsCorrected_thenCorrected() {
            fixture.given(man(), new PersonDied(id, LocalDate.of(2025, 1, 1)))
                   .when(correct(CorrectableField.ETHNICITY, "Hui"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfEthnicity("Han", "Hui"),
                           "typed from the wrong form"));
        }

        @Test
        void givenAPerson_whenTheValueIsWhatItWas_thenRejected() {
            fixture.given(man())
                   .when(correct(CorrectableField.NAME, "Wang Fang"))
                   .expectNoEvents()
                   .expectException(rejectedWith("NOTHING_CHANGES", "value"));
        }

        @Test
        void givenAPersonWithAnId_whenTheBirthDateIsCorrectedAgainstTheId_thenRejected() {
            fixture.given(man())
                   .when(correct(CorrectableField.BIRTH_DATE, "1990-04-03"))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_BIRTH_DATE_MISMATCH"));
        }

        @Test
        void givenANewbornWithoutId_whenTheBirthDateIsCorrected_thenCorrected() {
            LocalDate on = LocalDate.of(2026, 1, 10);
            fixture.given(newborn(on))
                   .when(correct(CorrectableField.BIRTH_DATE, "2026-01-09"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfBirthDate(on,
                           LocalDate.of(2026, 1, 9)), "typed from the wrong form"));
        }

        @Test
        void givenANewborn_whenItsBirthDateIsCorrectedToALaterDay_thenCorrected() {
            fixture.given(newborn(LocalDate.of(2026, 1, 10)))
                   .when(correct(CorrectableField.BIRTH_DATE, "2026-02-01"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfBirthDate(LocalDate.of(2026, 1, 10),
                           LocalDate.of(2026, 2, 1)), "typed from the wrong form"));
        }

        @Test
        void givenACorrectedBirthDate_whenItIsCorrectedAgain_thenTheCorrectedDayIsTheOldOne() {
            LocalDate on = LocalDate.of(2026, 1, 10);
            fixture.given(newborn(on), new PersonDetailCorrected(id, new Correction.OfBirthDate(on,
                           on.minusDays(1)), "first correction"))
                   .when(correct(CorrectableField.BIRTH_DATE, "2026-01-08"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfBirthDate(on.minusDays(1),
                           on.minusDays(2)), "typed from the wrong form"));
        }

        @Test
        void givenAPerson_whenTheEthnicityIsCorrectedToMoreThanTheRegisterHolds_thenRejected() {
            fixture.given(man())
                   .when(correct(CorrectableField.ETHNICITY, "x".repeat(21)))
                   .expectNoEvents()
                   .expectException(rejectedWith("VALIDATION_FAILED", "value"));
        }

        @Test
        void givenAMother_whenHerBirthDateIsCorrectedToAfterHerChildsBirth_thenRejected() {
            LocalDate on = LocalDate.of(2026, 1, 10);
            fixture.given(newborn(on), new BecameParent(id, People.newId(), ParentRole.FATHER, on.plusDays(1)))
                   .when(correct(CorrectableField.BIRTH_DATE, "2026-01-12"))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_AFTER_LATER_FACTS", "value"));
        }

        @Test
        void givenAPerson_whenTheBirthDateIsNoDate_thenRejected() {
            fixture.given(newborn(LocalDate.of(2026, 1, 10)))
                   .when(correct(CorrectableField.BIRTH_DATE, "10.1.2026"))
                   .expectNoEvents()
                   .expectException(rejectedWith("VALIDATION_FAILED", "value"));
        }

        @Test
        void givenAManWithAnId_whenTheSexIsCorrected_thenRejectedByTheId() {
            fixture.given(man())
                   .when(correct(CorrectableField.SEX, "female"))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_SEX_MISMATCH"));
        }

        @Test
        void givenANewbornWithoutId_whenTheSexIsCorrected_thenCorrectedAsASex() {
            fixture.given(newborn(LocalDate.of(2026, 1, 10)))
                   .when(correct(CorrectableField.SEX, "female"))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfSex(Sex.MALE, Sex.FEMALE),
                           "typed from the wrong form"));
        }

        @Test
        void givenAPerson_whenAMistypedIdIsCorrected_thenTheOldIdIsKept() {
            NationalId wrong = People.registered(id, Sex.MALE, born, Residency.PERMANENT).nationalId();
            NationalId right = nationalId(born, Sex.MALE, 44);
            fixture.given(man())
                   .when(correct(CorrectableField.NATIONAL_ID, right.value()))
                   .expectEvents(new PersonDetailCorrected(id, new Correction.OfNationalId(wrong, right),
                           "typed from the wrong form"));
        }

        @Test
        void givenAPerson_whenTheIdIsCorrectedToOneWithABadCheckCharacter_thenRejected() {
            String first17 = nationalId(born, Sex.MALE, 44).value().substring(0, 17);
            char bad = NationalId.checkCharacter(first17) == '1' ? '2' : '1';
            fixture.given(man())
                   .when(correct(CorrectableField.NATIONAL_ID, first17 + bad))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_CHECKSUM", "nationalId"));
        }

        @Test
        void givenAPerson_whenTheIdIsCorrectedToAnotherPersonsId_thenRejected() {
            NationalId taken = nationalId(born, Sex.MALE, 44);
            holders.put(taken, People.newId());
            fixture.given(man())
                   .when(correct(CorrectableField.NATIONAL_ID, taken.value()))
                   .expectNoEvents()
                   .expectException(rejectedWith("DUPLICATE_NATIONAL_ID"));
        }
    }
}
