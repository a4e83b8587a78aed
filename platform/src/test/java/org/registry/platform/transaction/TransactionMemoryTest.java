package org.registry.platform.transaction;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A transaction's memory lasts as long as the transaction, and no longer. */
class TransactionMemoryTest {

    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:transaction-memory"));
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);

    @Test
    void whatATransactionRemembersItFindsLaterInTheSameTransaction() {
        Optional<String> found = transaction.execute(status -> {
            memory().put("k", "v");
            return Optional.ofNullable(memory().get("k"));
        });

        assertThat(found).contains("v");
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehind() {
        transaction.executeWithoutResult(status -> {
            memory().put("k", "v");
            status.setRollbackOnly();
        });

        assertThat(transaction.<Boolean>execute(status -> memory().isEmpty())).isTrue();
    }

    @Test
    void aCommittedTransactionLeavesNothingBehindEither() {
        transaction.executeWithoutResult(status -> memory().put("k", "v"));

        assertThat(transaction.<Boolean>execute(status -> memory().isEmpty())).isTrue();
    }

    @Test
    void aTransactionSuspendedForAnotherKeepsItsOwnMemory() {
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            memory().put("k", "outer");
            assertThat(separate.<String>execute(inner -> memory().get("k"))).isNull();
            assertThat(memory()).containsEntry("k", "outer");
        });
    }

    @Test
    void outsideATransactionThereIsNoMemory() {
        assertThat(TransactionMemory.of("test")).isEmpty();
    }

    private static Map<String, String> memory() {
        return TransactionMemory.<String, String>of("test").orElseThrow();
    }
}
