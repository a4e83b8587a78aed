package org.registry.query.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.TestDatabase;
import org.registry.query.api.RidingWrites;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The rebuilds' template: inserts sent in batches, and nothing a projection could tell from unbatched. */
class BatchingJdbcTemplateTest {

    private TestDatabase.Schema schema;
    private DriverManagerDataSource dataSource;
    private CountingDataSource counted;
    private JdbcTemplate plain;
    private JdbcTemplate batching;
    private TransactionTemplate transaction;

    /** Counts the statements prepared and the batches executed on its connections. */
    static final class CountingDataSource extends org.springframework.jdbc.datasource.DelegatingDataSource {

        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        final List<String> sql = new ArrayList<>();

        CountingDataSource(javax.sql.DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(method, connection, args);
                        if (result instanceof PreparedStatement statement) {
                            prepared.incrementAndGet();
                            sql.add((String) args[0]);
                            return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                        if (m.getName().equals("executeBatch")) {
                                            batches.incrementAndGet();
                                        }
                                        return invoke(m, statement, a);
                                    });
                        }
                        return result;
                    });
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @BeforeEach
    void createTable() {
        schema = TestDatabase.newSchema();
        dataSource = new DriverManagerDataSource(schema.url(), schema.user(), schema.password());
        counted = new CountingDataSource(dataSource);
        plain = new JdbcTemplate(dataSource);
        plain.execute("CREATE TABLE row_of_event (position BIGINT PRIMARY KEY, actor VARCHAR(20), seen INTEGER)");
        batching = new BatchingJdbcTemplate(counted);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(counted));
    }

    @AfterEach
    void dropSchema() {
        schema.drop();
    }

    @Test
    void insertsOfOneTransaction_areSentAsOneBatch_whenItCommits() {
        transaction.executeWithoutResult(status -> {
            for (int position = 1; position <= 500; position++) {
                assertThat(batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", position,
                        "clerk")).isEqualTo(1);
            }
            assertThat(counted.prepared).hasValue(0);
        });

        assertThat(counted.batches).hasValue(1);
        assertThat(counted.sql).hasSize(1);
        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(500);
    }

    @Test
    void aQueryOrUpdate_seesEveryInsertMadeBeforeIt() {
        transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 2, "clerk");
            assertThat(batching.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(2);
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 3, "auditor");
            assertThat(batching.update("UPDATE row_of_event SET seen = 1 WHERE actor = ?", "auditor")).isEqualTo(1);
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 4, "auditor");
            assertThat(batching.queryForList("SELECT position FROM row_of_event WHERE actor = ? ORDER BY position",
                    Long.class, "auditor")).containsExactly(3L, 4L);
        });

        assertThat(plain.queryForList("SELECT position FROM row_of_event WHERE seen = 1", Long.class))
                .containsExactly(3L);
    }

    @Test
    void aFailingInsert_failsTheCommit_andNothingOfTheTransactionStays() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isZero();
    }

    @Test
    void outsideATransaction_anInsertRunsAtOnce() {
        batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");

        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransaction_leavesNothingHeldForTheNext() {
        transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 2, "clerk"));

        assertThat(plain.queryForList("SELECT position FROM row_of_event", Long.class)).containsExactly(2L);
    }

    /** Creates a table counting rows by actor; the statement that counts one more, inserting the actor's row. */
    private String tallyOfActors() {
        plain.execute("CREATE TABLE tally (actor VARCHAR(20) PRIMARY KEY, rows_seen INTEGER NOT NULL)");
        return """
                MERGE INTO tally t USING (SELECT CAST(? AS VARCHAR(20)) AS actor) k ON t.actor = k.actor
                WHEN MATCHED THEN UPDATE SET rows_seen = t.rows_seen + 1
                WHEN NOT MATCHED THEN INSERT (actor, rows_seen) VALUES (k.actor, 1)""";
    }

    private List<String> actorsCounted() {
        return plain.queryForList("SELECT actor || ':' || rows_seen FROM tally ORDER BY actor", String.class);
    }

    @Test
    void aFewWritesToDifferentTables_inTurn_areSentAsOneCommand() {
        String merge = tallyOfActors();
        transaction.executeWithoutResult(status -> {
            for (int position = 1; position <= 6; position++) {
                String actor = position % 2 == 0 ? "clerk" : "auditor";
                batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", position, actor);
                assertThat(batching.update(merge, actor)).isEqualTo(1);
            }
            assertThat(counted.prepared).hasValue(0);
        });

        assertThat(counted.prepared).hasValue(1);
        assertThat(actorsCounted()).containsExactly("auditor:3", "clerk:3");
        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(6);
    }

    @Test
    void manyWritesToDifferentTables_inTurn_goAsOneBatchPerStatement() {
        String merge = tallyOfActors();
        transaction.executeWithoutResult(status -> {
            for (int position = 1; position <= 100; position++) {
                String actor = position % 4 == 0 ? "clerk" : "auditor";
                batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", position, actor);
                batching.update(merge, actor);
            }
        });

        assertThat(counted.batches).hasValue(2);
        assertThat(actorsCounted()).containsExactly("auditor:75", "clerk:25");
        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(100);
    }

    @Test
    void aWriteThatReadsATable_staysAfterTheWritesToItMadeBeforeIt() {
        plain.execute("CREATE TABLE row_of_event_copy (position BIGINT PRIMARY KEY, actor VARCHAR(20))");
        String copy = "INSERT INTO row_of_event_copy (position, actor) SELECT position, actor FROM row_of_event "
                + "WHERE position = ?";
        transaction.executeWithoutResult(status -> {
            for (int position = 1; position <= 50; position++) {
                batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", position, "clerk");
                batching.update(copy, position);
            }
        });

        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event_copy", Long.class)).isEqualTo(50);
    }

    @Test
    void grouped_joinsAStatementsGroupOnlyPastWritesToOtherTables() {
        String insertA = "INSERT INTO a (id) VALUES (?)";
        String insertB = "INSERT INTO b (id) VALUES (?)";
        String mergeA = "MERGE INTO a t USING (SELECT CAST(? AS INT) AS id) k ON t.id = k.id "
                + "WHEN MATCHED THEN UPDATE SET n = t.n + 1";
        String copyAToC = "INSERT INTO c (id) SELECT id FROM a WHERE id = ?";

        assertThat(groups(insertA, insertB, insertA, insertB)).containsExactly(insertA + " x2", insertB + " x2");
        assertThat(groups(insertA, mergeA, insertA, mergeA))
                .containsExactly(insertA + " x1", mergeA + " x1", insertA + " x1", mergeA + " x1");
        assertThat(groups(insertA, copyAToC, insertB, insertA, copyAToC))
                .containsExactly(insertA + " x1", copyAToC + " x1", insertB + " x1", insertA + " x1",
                        copyAToC + " x1");
        assertThat(BatchingJdbcTemplate.Tables.of(mergeA).written()).containsExactly("a");
    }

    @Test
    void grouped_letsWritesThatOnlyReadTheSameTablesPassEachOther_butNotAWriteToOneOfThem() {
        String pay = "INSERT INTO payment (id) SELECT c.id FROM claim c, person p WHERE c.id = ? AND p.id = c.person";
        String tally = "MERGE INTO tally t USING (SELECT p.community FROM claim c, person p WHERE c.id = ?) k "
                + "ON t.community = k.community WHEN MATCHED THEN UPDATE SET n = t.n + 1";
        String move = "UPDATE person SET community = ? WHERE id = ?";

        assertThat(groups(pay, tally, pay, tally)).containsExactly(pay + " x2", tally + " x2");
        assertThat(groups(pay, tally, move, pay, tally))
                .containsExactly(pay + " x1", tally + " x1", move + " x1", pay + " x1", tally + " x1");
        assertThat(BatchingJdbcTemplate.Tables.of(tally).read()).containsExactlyInAnyOrder("claim", "person");
    }

    @Test
    void aStatementNamingTablesInWaysItDoesNotFollow_keepsItsPlaceAmongAllWrites() {
        String insertA = "INSERT INTO a (id) VALUES (?)";
        String afterSubquery = "INSERT INTO c (id) SELECT x.id FROM (SELECT id FROM b) x, a WHERE a.id = ?";
        String qualified = "INSERT INTO c (id) SELECT id FROM other.a WHERE id = ?";

        for (String unfollowed : List.of(afterSubquery, qualified)) {
            assertThat(BatchingJdbcTemplate.Tables.of(unfollowed).barrier()).as(unfollowed).isTrue();
            assertThat(groups(insertA, unfollowed, insertA))
                    .containsExactly(insertA + " x1", unfollowed + " x1", insertA + " x1");
        }
        assertThat(BatchingJdbcTemplate.Tables.of("INSERT INTO c (id) SELECT id FROM a, b WHERE a.id = ?").barrier())
                .isFalse();
    }

    private static List<String> groups(String... statements) {
        List<Object[]> arguments = java.util.Collections.nCopies(statements.length, new Object[] {1});
        return BatchingJdbcTemplate.grouped(List.of(statements), arguments).stream()
                                   .map(group -> group.sql() + " x" + group.arguments().size())
                                   .toList();
    }

    @Test
    void anInsertMadeAfterTheHeldOnesWereSentForTheCommit_runsAtOnce_andIsNotLost() {
        transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            // registered after the template's own: its beforeCommit runs once the held inserts are sent
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 2, "auditor");
                }
            });
        });

        assertThat(plain.queryForList("SELECT position FROM row_of_event ORDER BY position", Long.class))
                .containsExactly(1L, 2L);
    }

    @Test
    void anInsertThatSelectsNoRow_failsTheCommit() {
        String copy = "INSERT INTO row_of_event (position, actor) SELECT ?, actor FROM row_of_event WHERE position = ?";
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            assertThat(batching.update(copy, 2, 1)).isEqualTo(1);
            batching.update(copy, 3, 99);
        })).isInstanceOf(JdbcUpdateAffectedIncorrectNumberOfRowsException.class);

        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isZero();
    }

    @Test
    void heldInserts_rideWithTheNextRead_inOneCommand_andTheReadSeesThem() {
        List<String> read = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 1, "clerk");
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 2, "auditor");
            RidingWrites.read(batching,
                    List.of("SELECT actor FROM row_of_event WHERE position = ?",
                            "SELECT COUNT(*) FROM row_of_event WHERE position >= ?"),
                    List.of(new Object[] {2}, new Object[] {1}),
                    List.<RowCallbackHandler>of(rs -> read.add(rs.getString(1)), rs -> read.add(rs.getString(1))));
            batching.update("INSERT INTO row_of_event (position, actor) VALUES (?, ?)", 3, "clerk");
        });

        assertThat(read).containsExactly("auditor", "2");
        // On PostgreSQL the two inserts and the two queries go as one command, the last insert at the commit.
        assertThat(counted.prepared).hasValue(TestDatabase.isPostgres() ? 2 : 4);
        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isEqualTo(3);
    }

    @Test
    void aRidingInsertThatSelectsNoRow_failsTheRead() {
        String copy = "INSERT INTO row_of_event (position, actor) SELECT ?, actor FROM row_of_event WHERE position = ?";
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            batching.update(copy, 2, 99);
            RidingWrites.read(batching, List.of("SELECT COUNT(*) FROM row_of_event"), List.<Object[]>of(new Object[0]),
                    List.<RowCallbackHandler>of(rs -> { }));
        })).isInstanceOf(JdbcUpdateAffectedIncorrectNumberOfRowsException.class);
    }

    @Test
    void aRowMovedToAnotherTableInOneStatement_isHeldLikeAnInsert_andMustMoveOneRow() {
        assumeTrue(TestDatabase.isPostgres(), "a data-modifying WITH is PostgreSQL's");
        plain.execute("CREATE TABLE row_of_event_history (position BIGINT PRIMARY KEY, actor VARCHAR(20))");
        plain.update("INSERT INTO row_of_event (position, actor) VALUES (1, 'clerk')");
        String move = """
                WITH moved AS (DELETE FROM row_of_event WHERE position = ? RETURNING position, actor)
                INSERT INTO row_of_event_history (position, actor) SELECT position, actor FROM moved""";

        transaction.executeWithoutResult(status -> {
            assertThat(batching.update(move, 1)).isEqualTo(1);
            assertThat(counted.prepared).hasValue(0);
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> batching.update(move, 1)))
                .isInstanceOf(JdbcUpdateAffectedIncorrectNumberOfRowsException.class);

        assertThat(plain.queryForList("SELECT position FROM row_of_event_history", Long.class)).containsExactly(1L);
        assertThat(plain.queryForObject("SELECT COUNT(*) FROM row_of_event", Long.class)).isZero();
    }
}
