package org.registry.query.residence;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.query.Facts;
import org.registry.query.ProjectionDatabase;
import org.registry.query.UnreadPayloads;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The residence history's handlers, called as the event processor calls them. */
class ResidenceHistoryHandlersTest {

    private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void anEventTheHistoryDoesNotKeepIsTakenWithoutItsPayloadBeingRead() {
        ResidenceHistory history = new ResidenceHistory(null, Clock.systemUTC());

        assertThatCode(() -> UnreadPayloads.handle(history, UnreadPayloads.event(7, Map.of())))
                .doesNotThrowAnyException();
    }

    /**
     * Members registered in the transaction that registered or relocated their household are placed from the places
     * it keeps in memory, not read: their rows must be those of one event a transaction, where each is read.
     */
    @Test
    void householdsAndMembersInOneTransaction_giveTheRowsOfOneEventATransaction() {
        HouseholdId household = Facts.newHousehold();
        HouseholdId elsewhere = Facts.newHousehold();
        PersonId head = Facts.newPerson();
        PersonId spouse = Facts.newPerson();
        PersonId lodger = Facts.newPerson();
        List<Consumer<ResidenceHistory>> events = List.of(
                history -> history.on(Facts.householdRegistered(household, Facts.COMMUNITY), AT, 1),
                history -> history.on(Facts.householdRegistered(elsewhere, Facts.ELSEWHERE), AT, 2),
                history -> history.on(Facts.personRegistered(head, household, "Wang Fang", Sex.FEMALE,
                        LocalDate.of(1980, 4, 2)), 0, AT, 3),
                history -> history.on(new HouseholdRelocated(household, Facts.COMMUNITY, Facts.ELSEWHERE, "2 Road",
                        null, LocalDate.of(2015, 6, 1)), AT, 4),
                history -> history.on(Facts.personRegistered(spouse, household, "Li Lei", Sex.MALE,
                        LocalDate.of(1979, 1, 9)), 0, AT, 5),
                history -> history.on(Facts.personRegistered(lodger, elsewhere, "Zhao Min", Sex.FEMALE,
                        LocalDate.of(1990, 7, 3)), 0, AT, 6));

        try (ProjectionDatabase database = ProjectionDatabase.create()) {
            ResidenceHistory history = historyIn(database);
            TransactionTemplate transaction = new TransactionTemplate(transactions(database));

            transaction.executeWithoutResult(status -> events.forEach(event -> event.accept(history)));
            var together = database.rows(history);
            transaction.executeWithoutResult(status -> history.reset());
            events.forEach(event -> transaction.executeWithoutResult(status -> event.accept(history)));

            assertThat(together.get("residence_segment")).isNotEmpty();
            assertThat(database.rows(history)).isEqualTo(together);
        }
    }
    /**
     * A batch reads the rows of the persons it derives again from rows read back (deaths, moves, marital status) ahead,
     * in one command, and keeps them true as the batch goes (a fact of their own added; a sibling's earlier birth, a
     * relocation, a move into a household not read drop them to be read again): the batch must give the rows of one
     * event a transaction.
     */
    @Test
    void aBatchThatReadsItsPersonsAhead_givesTheRowsOfOneEventATransaction() {
        HouseholdId home = Facts.newHousehold();
        HouseholdId other = Facts.newHousehold();
        PersonId mother = Facts.newPerson();
        PersonId elder = Facts.newPerson();
        PersonId younger = Facts.newPerson();
        PersonId lodger = Facts.newPerson();
        PersonId mover = Facts.newPerson();
        List<Consumer<ResidenceHistory>> before = List.of(
                history -> history.on(Facts.householdRegistered(home, Facts.COMMUNITY), AT, 1),
                history -> history.on(Facts.householdRegistered(other, Facts.ELSEWHERE), AT, 2),
                history -> history.on(Facts.personRegistered(mother, home, "Wang Fang", Sex.FEMALE,
                        LocalDate.of(1985, 4, 2)), 0, AT, 3),
                history -> history.on(Facts.birthRegistered(elder, mother, home, LocalDate.of(2012, 5, 1)), 0, AT, 4),
                history -> history.on(Facts.personRegistered(lodger, home, "Zhao Min", Sex.MALE,
                        LocalDate.of(1950, 7, 3)), 0, AT, 5),
                history -> history.on(Facts.personRegistered(mover, home, "Li Lei", Sex.MALE,
                        LocalDate.of(1990, 1, 9)), 0, AT, 6));
        Map<Object, Consumer<ResidenceHistory>> batch = new LinkedHashMap<>();
        PersonDied lodgerDied = new PersonDied(lodger, LocalDate.of(2020, 1, 1));
        batch.put(lodgerDied, history -> history.on(lodgerDied, 1, AT, 7));
        MaritalStatusRegistered married = new MaritalStatusRegistered(mother, MaritalStatus.MARRIED,
                MaritalStatus.SINGLE, LocalDate.of(2019, 6, 1));
        batch.put(married, history -> history.on(married, 1, AT, 8));
        BirthRegistered earlierBirth = Facts.birthRegistered(younger, mother, home, LocalDate.of(2010, 3, 1));
        batch.put(earlierBirth, history -> history.on(earlierBirth, 0, AT, 9));
        PersonMovedOut elderLeft = new PersonMovedOut(elder, LocalDate.of(2021, 2, 1), "Hangzhou", MoveReason.STUDY,
                Residency.PERMANENT, true);
        batch.put(elderLeft, history -> history.on(elderLeft, 1, AT, 10));
        PersonMovedIn moved = new PersonMovedIn(mover, LocalDate.of(2021, 3, 1), "Wensan", MoveReason.FAMILY,
                Residency.PERMANENT, other, RelationToHead.OTHER, null);
        batch.put(moved, history -> history.on(moved, 1, AT, 11));
        HouseholdRelocated relocated = new HouseholdRelocated(home, Facts.COMMUNITY, Facts.ELSEWHERE, "2 Road", null,
                LocalDate.of(2021, 4, 1));
        batch.put(relocated, history -> history.on(relocated, AT, 12));
        PersonDied motherDied = new PersonDied(mother, LocalDate.of(2022, 1, 1));
        batch.put(motherDied, history -> history.on(motherDied, 2, AT, 13));

        try (ProjectionDatabase database = ProjectionDatabase.create()) {
            ResidenceHistory history = historyIn(database);
            DataSourceTransactionManager transactions = transactions(database);
            TransactionTemplate transaction = new TransactionTemplate(transactions);

            before.forEach(event -> transaction.executeWithoutResult(status -> event.accept(history)));
            List<EventMessage<?>> messages = batch.keySet().stream()
                                                  .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
            unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
            ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
                batch.get(unitOfWork.getMessage().getPayload()).accept(history);
                return null;
            });
            assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
            var inOneBatch = database.rows(history);

            transaction.executeWithoutResult(status -> history.reset());
            before.forEach(event -> transaction.executeWithoutResult(status -> event.accept(history)));
            batch.values().forEach(event -> transaction.executeWithoutResult(status -> event.accept(history)));

            assertThat(inOneBatch.get("residence_segment_history")).isNotEmpty();
            assertThat(database.rows(history)).isEqualTo(inOneBatch);
        }
    }

    private static ResidenceHistory historyIn(ProjectionDatabase database) {
        return new ResidenceHistory(database.jdbc(), Clock.fixed(AT, ZoneId.of("Asia/Shanghai")));
    }

    private static DataSourceTransactionManager transactions(ProjectionDatabase database) {
        return new DataSourceTransactionManager(database.jdbc().getDataSource());
    }
}
