package org.registry.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;

import java.time.LocalDate;

/**
 * Test-only commands that reach the decisions {@link Registrations} combines, one aggregate at a time: Axon's
 * fixture holds a single aggregate, while a birth changes the mother, the father and the child.
 */
final class PersonHarness {

    record RecordMotherhood(PersonId motherId, PersonId childId, LocalDate birthDate) {
    }

    record RecordFatherhood(PersonId fatherId, PersonId childId, LocalDate birthDate) {
    }

    record AskNewbornResidency(PersonId motherId) {
    }

    record ChildDied(PersonId parentId, PersonId childId, LocalDate date) {
    }

    /** What the deadline of an award's only child turning 14 does when it runs. */
    record ChildTurns14(PersonId parentId, org.registry.kernel.benefit.ClaimId claimId) {
    }

    private final Repository<Person> persons;

    PersonHarness(Repository<Person> persons) {
        this.persons = persons;
    }

    @CommandHandler
    int handle(RecordMotherhood command) throws Exception {
        return persons.load(command.motherId().toString())
                      .invoke(it -> it.recordBirthAsMother(command.childId(), command.birthDate(), People.TODAY));
    }

    @CommandHandler
    void handle(RecordFatherhood command) {
        persons.load(command.fatherId().toString())
               .execute(it -> it.recordBirthAsFather(command.childId(), command.birthDate()));
    }

    @CommandHandler
    void handle(ChildDied command) {
        persons.load(command.parentId().toString()).execute(it -> it.childDied(command.childId(), command.date()));
    }

    @CommandHandler
    void handle(ChildTurns14 command, org.registry.command.directory.Kinship kinship) {
        persons.load(command.parentId().toString())
               .execute(it -> it.onlyChildTurns14(command.claimId(), People.CLOCK, kinship));
    }

    @CommandHandler
    Residency handle(AskNewbornResidency command) {
        return persons.load(command.motherId().toString()).invoke(Person::residencyOfNewborn);
    }
}
