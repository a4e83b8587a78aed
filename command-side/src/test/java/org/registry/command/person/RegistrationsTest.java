package org.registry.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.registry.command.directory.NationalIdHolders;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.MovePersonIn;
import org.registry.kernel.person.MovePersonOut;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.RegisterBirth;
import org.registry.kernel.person.RegisterDeath;
import org.registry.kernel.person.RegisterPerson;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.kernel.person.TransferPerson;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.person.People.CLOCK;
import static org.registry.command.person.People.ELSEWHERE;
import static org.registry.command.person.People.HOME;
import static org.registry.command.person.People.TODAY;
import static org.registry.command.person.People.nationalId;
import static org.registry.command.person.People.woman;

/** The commands that change a person together with households or other persons ({@link Registrations}). */
class RegistrationsTest {

    private AggregateTestFixture<Person> fixture;
    private RecordingHouseholds households;
    private final Map<NationalId, PersonId> holders = new HashMap<>();
    private final PersonId id = People.newId();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        households = new RecordingHouseholds();
        NationalIdHolders lookup = nationalId -> Optional.ofNullable(holders.get(nationalId));
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(lookup);
        fixture.registerAnnotatedCommandHandler(new Registrations(fixture.getRepository(), households, lookup, new StubDeadlineManager(), CLOCK));
        fixture.registerAnnotatedCommandHandler(new PersonHarness(fixture.getRepository()));
    }

    @Nested
    class RegisteringAPerson {

        final LocalDate born = LocalDate.of(1990, 4, 2);
        final NationalId nationalId = nationalId(born, Sex.FEMALE, 7);

        RegisterPerson command(NationalId nationalId, LocalDate birthDate, Residency residency, String origin,
                               FloatingCertificate certificate, LocalDate residentSince) {
            return new RegisterPerson(id, nationalId, "Li Na", Sex.FEMALE, birthDate, "Han", null, HOME,
                    RelationToHead.SPOUSE, residency, residentSince, origin, origin == null ? null : MoveReason.WORK,
                    certificate);
        }

        @Test
        void givenNothing_whenRegisterResident_thenRegisteredSingleAndAdmittedToTheHousehold() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, null, null, LocalDate.of(2015, 3, 1)))
                   .expectEvents(new PersonRegistered(id, nationalId, "Li Na", Sex.FEMALE, born, "Han",
                           MaritalStatus.SINGLE, HOME, RelationToHead.SPOUSE, Residency.PERMANENT,
                           LocalDate.of(2015, 3, 1), null, null, null));
            assertThat(households.calls).containsExactly("admit " + HOME + " " + id + " SPOUSE 2015-03-01");
        }

        @Test
        void givenNothing_whenRegisterWithoutResidentSince_thenResidentSinceTodayByTheRegistrysClock() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, null, null, null))
                   .expectEvents(new PersonRegistered(id, nationalId, "Li Na", Sex.FEMALE, born, "Han",
                           MaritalStatus.SINGLE, HOME, RelationToHead.SPOUSE, Residency.PERMANENT, TODAY, null, null,
                           null));
            assertThat(households.calls).containsExactly("admit " + HOME + " " + id + " SPOUSE " + TODAY);
        }

        @Test
        void givenNothing_whenRegisterFloatingResidentWithCertificate_thenRegisteredWithOriginAndCertificate() {
            FloatingCertificate certificate = new FloatingCertificate("LD-3301-0042", LocalDate.of(2027, 1, 1));
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.FLOATING_IN, "Xinyang, Henan", certificate, TODAY))
                   .expectEvents(new PersonRegistered(id, nationalId, "Li Na", Sex.FEMALE, born, "Han",
                           MaritalStatus.SINGLE, HOME, RelationToHead.SPOUSE, Residency.FLOATING_IN, TODAY,
                           "Xinyang, Henan", MoveReason.WORK, certificate));
        }

        @Test
        void givenNothing_whenNationalIdDisagreesWithBirthDate_thenRejected() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born.plusDays(1), Residency.PERMANENT, null, null, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_BIRTH_DATE_MISMATCH", "nationalId"));
        }

        @Test
        void givenNothing_whenNationalIdDisagreesWithSex_thenRejected() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId(born, Sex.MALE, 7), born, Residency.PERMANENT, null, null, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_SEX_MISMATCH", "nationalId"));
        }

        @Test
        void givenAnotherHolderOfTheId_whenRegister_thenRejectedNamingTheHolder() {
            PersonId holder = People.newId();
            holders.put(nationalId, holder);
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, null, null, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("DUPLICATE_NATIONAL_ID"));
        }

        @Test
        void givenNothing_whenBornInTheFuture_thenRejected() {
            LocalDate tomorrow = TODAY.plusDays(1);
            fixture.givenNoPriorActivity()
                   .when(command(nationalId(tomorrow, Sex.FEMALE, 1), tomorrow, Residency.PERMANENT, null, null,
                           TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IN_FUTURE", "birthDate"));
        }

        @Test
        void givenNothing_whenResidentSinceBeforeBirth_thenRejected() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, null, null, born.minusDays(1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_BIRTH", "residentSince"));
        }

        @Test
        void givenNothing_whenResidentSinceInTheFuture_thenRejected() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, null, null, TODAY.plusDays(3)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IN_FUTURE", "residentSince"));
        }

        @Test
        void givenNothing_whenTheCertificateExpiresMoreThanTenYearsAhead_thenRejected() {
            FloatingCertificate certificate = FloatingCertificate.of("LD-1",
                    TODAY.plusYears(Person.LONGEST_CERTIFICATE_YEARS).plusDays(1));
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.FLOATING_IN, "Henan", certificate, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IMPLAUSIBLE", "certificateExpiry"));
        }

        @Test
        void givenNothing_whenAPermanentResidentCarriesAFloatingCertificate_thenRejected() {
            fixture.givenNoPriorActivity()
                   .when(command(nationalId, born, Residency.PERMANENT, "Henan",
                           new FloatingCertificate("LD-1", TODAY), TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("VALIDATION_FAILED", "certificateNumber"));
        }

        @Test
        void givenAHeadedHousehold_whenRegisterAnotherHead_thenRejected() {
            households.headed = true;
            fixture.givenNoPriorActivity()
                   .when(new RegisterPerson(id, nationalId, "Li Na", Sex.FEMALE, born, null, null, HOME,
                           RelationToHead.HEAD, Residency.PERMANENT, TODAY, null, null, null))
                   .expectException(rejectedWith("HOUSEHOLD_HAS_HEAD"));
        }
    }

    @Nested
    class RegisteringABirth {

        final PersonId mother = id;
        final PersonId child = People.newId();
        final LocalDate motherBorn = LocalDate.of(1992, 8, 8);

        RegisterBirth birth(LocalDate on) {
            return new RegisterBirth(child, mother, null, "Wang Xiaoming", Sex.MALE, on, null, null, HOME, null);
        }

        BecameParent earlier(LocalDate on) {
            return new BecameParent(mother, People.newId(), ParentRole.MOTHER, on);
        }

        PersonHarness.RecordMotherhood motherhood(LocalDate on) {
            return new PersonHarness.RecordMotherhood(mother, child, on);
        }

        @Test
        void givenALivingWoman_whenSheGivesBirthForTheFirstTime_thenTheChildIsHerFirst() {
            LocalDate born = LocalDate.of(2026, 5, 1);
            fixture.given(woman(mother, motherBorn))
                   .when(motherhood(born))
                   .expectEvents(new BecameParent(mother, child, ParentRole.MOTHER, born))
                   .expectResultMessagePayload(1);
        }

        @Test
        void givenTwoEarlierBirths_whenAThird_thenItIsTheThird() {
            fixture.given(woman(mother, motherBorn), earlier(LocalDate.of(2016, 1, 1)), earlier(LocalDate.of(2019, 7, 1)))
                   .when(motherhood(LocalDate.of(2024, 2, 29)))
                   .expectResultMessagePayload(3);
        }

        @Test
        void givenBirthsIn2016And2022_whenABirthOf2019IsRegisteredLate_thenItIsTheSecond() {
            fixture.given(woman(mother, motherBorn), earlier(LocalDate.of(2016, 1, 1)), earlier(LocalDate.of(2022, 7, 1)))
                   .when(motherhood(LocalDate.of(2019, 3, 3)))
                   .expectResultMessagePayload(2);
        }

        @Test
        void givenATwinRegistered_whenTheOtherTwinIsRegistered_thenItComesSecond() {
            LocalDate born = LocalDate.of(2021, 9, 9);
            fixture.given(woman(mother, motherBorn), earlier(born))
                   .when(motherhood(born))
                   .expectResultMessagePayload(2);
        }

        @Test
        void givenATwinBornBeforeMidnight_whenTheOtherTwinBornAfterIsRegistered_thenItComesSecond() {
            LocalDate born = LocalDate.of(2021, 9, 9);
            fixture.given(woman(mother, motherBorn), earlier(born))
                   .when(motherhood(born.plusDays(1)))
                   .expectResultMessagePayload(2);
        }

        @Test
        void givenAWomanWhoDiedGivingBirth_whenTheBirthIsRegistered_thenItIsRecorded() {
            LocalDate born = LocalDate.of(2025, 3, 1);
            fixture.given(woman(mother, motherBorn), new PersonDied(mother, born))
                   .when(motherhood(born))
                   .expectEvents(new BecameParent(mother, child, ParentRole.MOTHER, born));
        }

        @Test
        void givenAFloatingMother_whenAChildIsBorn_thenTheChildIsAFloatingResidentToo() {
            fixture.given(People.registered(mother, Sex.FEMALE, motherBorn, Residency.FLOATING_IN))
                   .when(new PersonHarness.AskNewbornResidency(mother))
                   .expectResultMessagePayload(Residency.FLOATING_IN);
        }

        @Test
        void givenAResidentMother_whenAChildIsBorn_thenTheChildIsAPermanentResident() {
            fixture.given(woman(mother, motherBorn))
                   .when(new PersonHarness.AskNewbornResidency(mother))
                   .expectResultMessagePayload(Residency.PERMANENT);
        }

        @Test
        void givenAMan_whenHeFathersAChild_thenHeBecameAFather() {
            LocalDate born = LocalDate.of(2026, 5, 1);
            fixture.given(People.registered(mother, Sex.MALE, motherBorn, Residency.PERMANENT))
                   .when(new PersonHarness.RecordFatherhood(mother, child, born))
                   .expectEvents(new BecameParent(mother, child, ParentRole.FATHER, born));
        }

        @Test
        void givenAWoman_whenRegisteredAsFather_thenRejected() {
            fixture.given(woman(mother, motherBorn))
                   .when(new PersonHarness.RecordFatherhood(mother, child, LocalDate.of(2026, 5, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("FATHER_NOT_MALE", "fatherId"));
        }

        @Test
        void givenAManWhoDiedAYearBeforeTheBirth_whenRegisteredAsFather_thenRejected() {
            fixture.given(People.registered(mother, Sex.MALE, motherBorn, Residency.PERMANENT),
                          new PersonDied(mother, LocalDate.of(2025, 1, 1)))
                   .when(new PersonHarness.RecordFatherhood(mother, child, LocalDate.of(2026, 2, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAManWhoDiedDuringThePregnancy_whenRegisteredAsFather_thenRecorded() {
            LocalDate born = LocalDate.of(2026, 2, 1);
            fixture.given(People.registered(mother, Sex.MALE, motherBorn, Residency.PERMANENT),
                          new PersonDied(mother, LocalDate.of(2025, 10, 1)))
                   .when(new PersonHarness.RecordFatherhood(mother, child, born))
                   .expectEvents(new BecameParent(mother, child, ParentRole.FATHER, born));
        }

        @Test
        void givenABirthTwoMonthsEarlier_whenRegisterAnotherBirth_thenRejected() {
            fixture.given(woman(mother, motherBorn), earlier(LocalDate.of(2025, 1, 1)))
                   .when(birth(LocalDate.of(2025, 3, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("BIRTHS_TOO_CLOSE", "birthDate"));
        }

        @Test
        void givenAMan_whenRegisteredAsMother_thenRejected() {
            fixture.given(People.registered(mother, Sex.MALE, motherBorn, Residency.PERMANENT))
                   .when(birth(LocalDate.of(2025, 3, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("MOTHER_NOT_FEMALE", "motherId"));
        }

        @Test
        void givenAWomanWhoDiedBeforeTheBirth_whenRegisterTheBirth_thenRejected() {
            fixture.given(woman(mother, motherBorn), new PersonDied(mother, LocalDate.of(2024, 1, 1)))
                   .when(birth(LocalDate.of(2025, 3, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAMotherNotYetTwelve_whenRegisterTheBirth_thenRejected() {
            fixture.given(woman(mother, LocalDate.of(2015, 1, 1)))
                   .when(birth(LocalDate.of(2026, 1, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("PARENT_TOO_YOUNG", "motherId"));
        }

        @Test
        void givenAWoman_whenTheBirthLiesInTheFuture_thenRejected() {
            fixture.given(woman(mother, motherBorn))
                   .when(birth(TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IN_FUTURE", "birthDate"));
        }

        @Test
        void givenAWoman_whenTheChildsIdDisagreesWithItsSex_thenRejected() {
            LocalDate born = LocalDate.of(2026, 5, 1);
            fixture.given(woman(mother, motherBorn))
                   .when(new RegisterBirth(child, mother, null, "Wang Xiaoming", Sex.MALE, born,
                           nationalId(born, Sex.FEMALE, 3), null, HOME, null))
                   .expectNoEvents()
                   .expectException(rejectedWith("NATIONAL_ID_SEX_MISMATCH", "nationalId"));
        }
    }

    @Nested
    class RegisteringADeath {

        @Test
        void givenALivingPerson_whenRegisterDeath_thenDiedAndLeftTheHousehold() {
            LocalDate on = LocalDate.of(2026, 2, 2);
            fixture.given(woman(id, LocalDate.of(1940, 1, 1)))
                   .when(new RegisterDeath(id, on))
                   .expectEvents(new PersonDied(id, on));
            assertThat(households.calls).containsExactly("release " + HOME + " " + id + " DIED " + on);
        }

        @Test
        void givenADeadPerson_whenRegisterDeathAgain_thenRejected() {
            fixture.given(woman(id, LocalDate.of(1940, 1, 1)), new PersonDied(id, LocalDate.of(2026, 2, 2)))
                   .when(new RegisterDeath(id, LocalDate.of(2026, 2, 3)))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAPerson_whenDeathDatedBeforeBirth_thenRejected() {
            fixture.given(People.registered(id, Sex.FEMALE, LocalDate.of(2000, 1, 1), Residency.PERMANENT))
                   .when(new RegisterDeath(id, LocalDate.of(1999, 12, 31)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_BIRTH", "date"));
        }

        @Test
        void givenAPersonWhoMovedLastYear_whenDeathDatedBeforeTheMove_thenRejected() {
            fixture.given(woman(id, LocalDate.of(1950, 1, 1)),
                          new PersonMovedOut(id, LocalDate.of(2025, 5, 5), "Ningbo", MoveReason.FAMILY,
                                  Residency.PERMANENT, false))
                   .when(new RegisterDeath(id, LocalDate.of(2025, 1, 1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_LAST_FACT", "date"));
        }

        @Test
        void givenAPerson_whenDeathInTheFuture_thenRejected() {
            fixture.given(woman(id, LocalDate.of(1950, 1, 1)))
                   .when(new RegisterDeath(id, TODAY.plusDays(1)))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
        }
    }

    @Nested
    class Moving {

        final LocalDate born = LocalDate.of(1985, 1, 1);

        @Test
        void givenAResident_whenMovesOut_thenMovedOutAndStillAMember() {
            LocalDate on = LocalDate.of(2026, 3, 1);
            fixture.given(woman(id, born))
                   .when(new MovePersonOut(id, on, "Shenzhen", MoveReason.WORK))
                   .expectEvents(new PersonMovedOut(id, on, "Shenzhen", MoveReason.WORK, Residency.PERMANENT, false));
            assertThat(households.calls).isEmpty();
        }

        @Test
        void givenAFloatingResident_whenMovesOut_thenMovedOutAndLeftTheHousehold() {
            LocalDate on = LocalDate.of(2026, 3, 1);
            fixture.given(People.registered(id, Sex.FEMALE, born, Residency.FLOATING_IN))
                   .when(new MovePersonOut(id, on, "Hefei", MoveReason.WORK))
                   .expectEvents(new PersonMovedOut(id, on, "Hefei", MoveReason.WORK, Residency.FLOATING_IN, true));
            assertThat(households.calls).containsExactly("release " + HOME + " " + id + " MOVED_AWAY " + on);
        }

        @Test
        void givenAPersonWhoMovedOut_whenMovesOutAgain_thenRejected() {
            fixture.given(woman(id, born),
                          new PersonMovedOut(id, LocalDate.of(2026, 3, 1), "Shenzhen", null, Residency.PERMANENT, false))
                   .when(new MovePersonOut(id, LocalDate.of(2026, 4, 1), "Hefei", null))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAResident_whenMoveDatedBeforeTheLastOne_thenRejected() {
            fixture.given(woman(id, born),
                          new PersonTransferred(id, ELSEWHERE, HOME, RelationToHead.SPOUSE, LocalDate.of(2026, 3, 1)))
                   .when(new MovePersonOut(id, LocalDate.of(2026, 2, 1), "Hefei", null))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_BEFORE_LAST_MOVE", "date"));
        }

        @Test
        void givenAResidentWhoMovedOut_whenReturns_thenPermanentAgainInTheSameHousehold() {
            LocalDate back = LocalDate.of(2026, 5, 20);
            fixture.given(woman(id, born),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Shenzhen", null, Residency.PERMANENT, false))
                   .when(new MovePersonIn(id, back, "Shenzhen", MoveReason.FAMILY, null, null, null))
                   .expectEvents(new PersonMovedIn(id, back, "Shenzhen", MoveReason.FAMILY, Residency.PERMANENT, HOME,
                           null, null));
            assertThat(households.calls).isEmpty();
        }

        @Test
        void givenAFloatingResidentWhoLeft_whenReturnsToAnotherHousehold_thenJoinsIt() {
            LocalDate back = LocalDate.of(2026, 5, 20);
            FloatingCertificate certificate = new FloatingCertificate("LD-9", LocalDate.of(2028, 1, 1));
            fixture.given(People.registered(id, Sex.FEMALE, born, Residency.FLOATING_IN),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Hefei", null, Residency.FLOATING_IN, true))
                   .when(new MovePersonIn(id, back, "Hefei", MoveReason.WORK, ELSEWHERE, RelationToHead.OTHER,
                           certificate))
                   .expectEvents(new PersonMovedIn(id, back, "Hefei", MoveReason.WORK, Residency.FLOATING_IN,
                           ELSEWHERE, RelationToHead.OTHER, certificate));
            assertThat(households.calls).containsExactly("admit " + ELSEWHERE + " " + id + " OTHER " + back);
        }

        @Test
        void givenAFloatingResidentWhoMovedOutAndStayedAMember_whenReturnsWithoutCertificate_thenFloatingAgain() {
            LocalDate back = LocalDate.of(2026, 5, 20);
            fixture.given(People.registered(id, Sex.FEMALE, born, Residency.FLOATING_IN),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Hefei", null, Residency.FLOATING_IN, false))
                   .when(new MovePersonIn(id, back, "Hefei", null, null, null, null))
                   .expectEvents(new PersonMovedIn(id, back, "Hefei", null, Residency.FLOATING_IN, HOME, null, null));
        }

        @Test
        void givenAFloatingResidentWhoLeft_whenReturnsWithACertificateValidForDecades_thenRejected() {
            fixture.given(People.registered(id, Sex.FEMALE, born, Residency.FLOATING_IN),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Hefei", null, Residency.FLOATING_IN, false))
                   .when(new MovePersonIn(id, TODAY, "Hefei", null, null, null,
                           FloatingCertificate.of("LD-1", LocalDate.of(9999, 12, 31))))
                   .expectNoEvents()
                   .expectException(rejectedWith("DATE_IMPLAUSIBLE", "certificateExpiry"));
        }

        @Test
        void givenAResidentWhoMovedOut_whenReturnsWithAFloatingCertificate_thenRejected() {
            fixture.given(woman(id, born),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Shenzhen", null, Residency.PERMANENT, false))
                   .when(new MovePersonIn(id, TODAY, "Shenzhen", null, null, null,
                           new FloatingCertificate("LD-1", TODAY.plusYears(1))))
                   .expectNoEvents()
                   .expectException(rejectedWith("VALIDATION_FAILED", "certificateNumber"));
        }

        @Test
        void givenAFloatingResidentWhoLeft_whenReturnsWithoutNamingAHousehold_thenRejected() {
            fixture.given(People.registered(id, Sex.FEMALE, born, Residency.FLOATING_IN),
                          new PersonMovedOut(id, LocalDate.of(2026, 1, 1), "Hefei", null, Residency.FLOATING_IN, true))
                   .when(new MovePersonIn(id, TODAY, "Hefei", null, null, null, null))
                   .expectNoEvents()
                   .expectException(rejectedWith("VALIDATION_FAILED", "toHouseholdId"));
        }

        @Test
        void givenAResidentLivingHere_whenMovesIn_thenRejected() {
            fixture.given(woman(id, born))
                   .when(new MovePersonIn(id, TODAY, "Hefei", null, null, null, null))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }

        @Test
        void givenAResident_whenTransferred_thenLeavesOneHouseholdAndJoinsTheOther() {
            LocalDate on = LocalDate.of(2026, 4, 4);
            fixture.given(woman(id, born))
                   .when(new TransferPerson(id, ELSEWHERE, RelationToHead.HEAD, on))
                   .expectEvents(new PersonTransferred(id, HOME, ELSEWHERE, RelationToHead.HEAD, on));
            assertThat(households.calls).containsExactly(
                    "release " + HOME + " " + id + " TRANSFERRED " + on,
                    "admit " + ELSEWHERE + " " + id + " HEAD " + on);
        }

        @Test
        void givenAResident_whenTransferredToTheirOwnHousehold_thenRejected() {
            fixture.given(woman(id, born))
                   .when(new TransferPerson(id, HOME, RelationToHead.CHILD, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("NOTHING_CHANGES", "toHouseholdId"));
        }

        @Test
        void givenADeadPerson_whenTransferred_thenRejected() {
            fixture.given(woman(id, born), new PersonDied(id, LocalDate.of(2026, 1, 1)))
                   .when(new TransferPerson(id, ELSEWHERE, RelationToHead.CHILD, TODAY))
                   .expectNoEvents()
                   .expectException(rejectedWith("INVALID_STATE"));
        }
    }
}
