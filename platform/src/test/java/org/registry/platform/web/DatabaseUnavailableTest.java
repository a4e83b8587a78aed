package org.registry.platform.web;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.EOFException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void noConnectionWithinThePoolsTimeoutIsTheDatabaseUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms", "08001");

        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("no connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new SQLTransientConnectionException("x"))))
                .isTrue();
    }

    @Test
    void aConnectionThatBrokeIsRecognisedDeepInTheChainAndBehindABatch() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend", "08006",
                new EOFException());
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(broken);

        assertThat(DatabaseUnavailable.isCause(new EventStoreException("could not be persisted", batch))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void theFailureARollbackHidIsLookedAtToo() {
        TransactionSystemException rollback = new TransactionSystemException("could not roll back",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("I/O error", "08006"));

        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
    }

    @Test
    void otherFailuresOfTheDatabaseAreNot() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theLogLineNamesTypesAndStatesButQuotesNoStatement() {
        SQLException broken = new SQLException("INSERT ... VALUES ('Zhang Wei')", "08006", new EOFException());

        assertThat(DatabaseUnavailable.describe(new EventStoreException("could not persist 'Zhang Wei'", broken)))
                .isEqualTo("EventStoreException <- SQLException [08006] <- EOFException")
                .doesNotContain("Zhang");
    }
}
