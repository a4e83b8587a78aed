package org.registry.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.registry.command.directory.NationalIdHolders;
import org.registry.command.household.HouseholdMembership;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.person.CorrectPersonDetail;
import org.registry.kernel.person.EnterPersonInError;
import org.registry.kernel.person.MovePersonIn;
import org.registry.kernel.person.MovePersonOut;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.RegisterBirth;
import org.registry.kernel.person.RegisterDeath;
import org.registry.kernel.person.RegisterPerson;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.TransferPerson;
import org.registry.platform.eventstore.AuditMetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The commands that change a person and a household (or several persons) together: each decision is taken by
 * the aggregate it concerns, and all their events are stored in one transaction, so a person is never in two
 * households, or in none by accident.
 */
@Component
class Registrations {

    private final Repository<Person> persons;
    private final HouseholdMembership households;
    private final NationalIdHolders holders;
    private final DeadlineManager deadlines;
    private final Clock clock;

    Registrations(Repository<Person> persons, HouseholdMembership households, NationalIdHolders holders,
                  DeadlineManager deadlines, Clock clock) {
        this.persons = persons;
        this.households = households;
        this.holders = holders;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @CommandHandler
    void handle(RegisterPerson command) throws Exception {
        LocalDate today = LocalDate.now(clock);
        Aggregate<Person> person = persons.newInstance(() -> new Person(command, today, holders));
        households.admit(command.householdId(), command.personId(), command.relationToHead(),
                person.invoke(Person::settledOn));
    }

    /** @return the child's birth order among the mother's live births */
    @CommandHandler
    int handle(RegisterBirth command) throws Exception {
        LocalDate today = LocalDate.now(clock);
        Aggregate<Person> mother = load(command.motherId(), "motherId", null);
        int birthOrder = mother.invoke(it -> it.recordBirthAsMother(command.childId(), command.birthDate(), today));
        Residency residency = mother.invoke(Person::residencyOfNewborn);
        if (command.fatherId() != null) {
            if (command.fatherId().equals(command.motherId())) {
                throw RejectionException.invalid("fatherId", "VALIDATION_FAILED", "the father is not the mother");
            }
            load(command.fatherId(), "fatherId", null)
                    .execute(it -> it.recordBirthAsFather(command.childId(), command.birthDate()));
        }
        persons.newInstance(() -> new Person(command, residency, today, holders));
        households.admit(command.householdId(), command.childId(), command.relationToHead(), command.birthDate());
        return birthOrder;
    }

    /** The person leaves the household; the parents' award resting on this child ends. */
    @CommandHandler
    void handle(RegisterDeath command, @MetaDataValue(AuditMetaData.EXPECTED_VERSION) Long expectedVersion) {
        Aggregate<Person> person = load(command.personId(), "personId", expectedVersion);
        HouseholdId left = person.invoke(it -> it.recordDeath(command.date(), LocalDate.now(clock)));
        if (left != null) {
            households.release(left, command.personId(), LeavingReason.DIED, command.date());
        }
        for (PersonId parent : person.invoke(Person::parents)) {
            load(parent, "personId", null).execute(it -> it.childDied(command.personId(), command.date()));
        }
    }

    @CommandHandler
    void handle(MovePersonOut command, @MetaDataValue(AuditMetaData.EXPECTED_VERSION) Long expectedVersion) {
        HouseholdId left = load(command.personId(), "personId", expectedVersion).invoke(it -> it.moveOut(
                command.date(), command.destination(), command.reason(), LocalDate.now(clock)));
        if (left != null) {
            households.release(left, command.personId(), LeavingReason.MOVED_AWAY, command.date());
        }
    }

    @CommandHandler
    void handle(MovePersonIn command, @MetaDataValue(AuditMetaData.EXPECTED_VERSION) Long expectedVersion) {
        Person.HouseholdChange change = load(command.personId(), "personId", expectedVersion).invoke(it -> it.moveIn(
                command.date(), command.origin(), command.reason(), command.toHouseholdId(),
                command.relationToHead(), command.certificate(), LocalDate.now(clock)));
        if (change != null && change.left() != null) {
            households.transfer(command.personId(), change.left(), change.joined(), change.relation(), command.date());
        } else if (change != null) {
            households.admit(change.joined(), command.personId(), change.relation(), command.date());
        }
    }

    @CommandHandler
    void handle(TransferPerson command, @MetaDataValue(AuditMetaData.EXPECTED_VERSION) Long expectedVersion) {
        HouseholdId from = load(command.personId(), "personId", expectedVersion).invoke(it -> it.transfer(
                command.toHouseholdId(), command.relationToHead(), command.date(), LocalDate.now(clock)));
        households.transfer(command.personId(), from, command.toHouseholdId(), command.relationToHead(),
                command.date());
    }

    /** A corrected birth date is followed by the parents' records, whose rules on births must still hold. */
    @CommandHandler
    void handle(CorrectPersonDetail command, @MetaDataValue(AuditMetaData.EXPECTED_VERSION) Long expectedVersion) {
        Aggregate<Person> person = load(command.personId(), "personId", expectedVersion);
        LocalDate previous = person.invoke(it -> it.correct(command, LocalDate.now(clock), holders));
        if (previous == null) {
            return;
        }
        LocalDate corrected = LocalDate.parse(command.value());
        for (PersonId parent : person.invoke(Person::parents)) {
            load(parent, "personId", null).execute(it -> it.childBirthDateCorrected(command.personId(), previous,
                    corrected, deadlines, clock));
        }
    }

    /** A person an import registered is taken back; their household drops them. */
    @CommandHandler
    void handle(EnterPersonInError command) {
        HouseholdId household = load(command.personId(), "personId", null).invoke(it -> it.enterInError(command));
        if (household != null) {
            households.memberEnteredInError(household, command.personId());
        }
    }

    /** Loads a person; a record entered in error is refused ({@code 409 RECORD_ENTERED_IN_ERROR}). */
    private Aggregate<Person> load(PersonId id, String field, Long expectedVersion) {
        Aggregate<Person> person;
        try {
            person = persons.load(id.toString(), expectedVersion);
        } catch (AggregateNotFoundException e) {
            throw RejectionException.notFound(field, "PERSON_NOT_FOUND", "no person with id " + id);
        }
        person.execute(Person::requireNotEnteredInError);
        return person;
    }
}
