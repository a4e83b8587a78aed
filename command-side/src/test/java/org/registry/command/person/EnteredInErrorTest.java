package org.registry.command.person;

import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.command.directory.NationalIdHolders;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.EnterPersonInError;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.RegisterDeath;
import org.registry.kernel.person.RegisterMaritalStatus;
import org.registry.platform.eventstore.AuditMetaData;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.person.People.CLOCK;
import static org.registry.command.person.People.HOME;

/** A person an import registered is taken back only while no later fact depends on the record. */
class EnteredInErrorTest {

    private static final String REASON = "wrong township's ledger";

    private final PersonId id = People.newId();
    private final UUID importId = UUID.randomUUID();
    private final LocalDate born = LocalDate.of(1990, 3, 4);
    private AggregateTestFixture<Person> fixture;
    private RecordingHouseholds households;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
        NationalIdHolders nobody = nationalId -> Optional.empty();
        fixture.registerInjectableResource(nobody);
        households = new RecordingHouseholds();
        fixture.registerAnnotatedCommandHandler(new Registrations(fixture.getRepository(), households, nobody,
                new StubDeadlineManager(), CLOCK));
    }

    /** The registration, as an import records it: with the import's id in the metadata. */
    private Object importedBy(UUID importId) {
        return GenericEventMessage.asEventMessage(People.woman(id, born))
                                  .andMetaData(Map.of(AuditMetaData.IMPORT_ID, importId.toString()));
    }

    @Test
    void aRecordWithOnlyItsImportedRegistrationIsEnteredInErrorAndLeavesItsHousehold() {
        fixture.given(importedBy(importId))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectEvents(new PersonEnteredInError(id, importId, REASON));
        assertThat(households.calls).containsExactly("entered in error " + HOME + " " + id);
    }

    @Test
    void aLaterBirthOfTheWomansChildBlocksIt() {
        fixture.given(importedBy(importId),
                       new BecameParent(id, People.newId(), ParentRole.MOTHER, LocalDate.of(2020, 1, 1)))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_HAS_LATER_FACTS"));
    }

    @Test
    void aLaterCheckUpBlocksIt() {
        fixture.given(importedBy(importId), new CheckUpRecorded(id, new CheckUpId(UUID.randomUUID()),
                       CheckUpType.PRE_PREGNANCY, LocalDate.of(2026, 1, 2), "clinic", CheckUpResult.NORMAL, null, null,
                       null))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_HAS_LATER_FACTS"));
    }

    @Test
    void aPersonAnotherImportOrAClerkRegisteredIsNotTakenBackByThisImport() {
        fixture.given(importedBy(UUID.randomUUID()))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("NOT_REGISTERED_BY_IMPORT"));
        fixture.given(People.woman(id, born))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("NOT_REGISTERED_BY_IMPORT"));
    }

    @Test
    void aRecordEnteredInErrorRefusesEveryFurtherCommand() {
        fixture.given(importedBy(importId), new PersonEnteredInError(id, importId, REASON))
               .when(new RegisterMaritalStatus(id, MaritalStatus.MARRIED, LocalDate.of(2025, 5, 1)))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_ENTERED_IN_ERROR"));
        fixture.given(importedBy(importId), new PersonEnteredInError(id, importId, REASON))
               .when(new RegisterDeath(id, LocalDate.of(2025, 5, 1)))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_ENTERED_IN_ERROR"));
        fixture.given(importedBy(importId), new PersonEnteredInError(id, importId, REASON))
               .when(new EnterPersonInError(id, importId, REASON))
               .expectNoEvents()
               .expectException(rejectedWith("RECORD_ENTERED_IN_ERROR"));
    }
}
