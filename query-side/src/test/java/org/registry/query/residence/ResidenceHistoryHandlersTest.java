package org.registry.query.residence;

import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.PersonId;
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
            ResidenceHistory history = new ResidenceHistory(database.jdbc(),
                    Clock.fixed(AT, ZoneId.of("Asia/Shanghai")));
            TransactionTemplate transaction = new TransactionTemplate(
                    new DataSourceTransactionManager(database.jdbc().getDataSource()));

            transaction.executeWithoutResult(status -> events.forEach(event -> event.accept(history)));
            var together = database.rows(history);
            transaction.executeWithoutResult(status -> history.reset());
            events.forEach(event -> transaction.executeWithoutResult(status -> event.accept(history)));

            assertThat(together.get("residence_segment")).isNotEmpty();
            assertThat(database.rows(history)).isEqualTo(together);
        }
    }
}
