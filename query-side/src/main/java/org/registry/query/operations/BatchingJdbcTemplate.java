package org.registry.query.operations;

import org.registry.platform.jdbc.Databases;
import org.registry.query.api.RidingWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link JdbcTemplate} projections write with, live ({@link org.registry.query.api.ProjectionWrites}) and rebuilt
 * ({@link Shadow}): its {@code INSERT}s and {@code MERGE}s, and the updates of one row handed to
 * {@link RidingWrites#updateOne}, are held back and sent to the database as JDBC batches,
 * many rows a round trip, instead of one statement a row. A rebuild handles a thousand events a transaction, a live
 * processor up to a hundred (an import's), most of which insert a row or two: the round trips, not the database's
 * work, were most of a replay's time, and a statement each cost the driver, the kernel and PostgreSQL their work per
 * statement while an import ran.
 *
 * <p>The projection sees no difference. The held inserts are sent before any other statement runs on the template
 * (a query, an update, a delete: whatever reads or changes rows sees every insert made before it, as it would
 * unbatched) and before the transaction commits; each table gets its writes in the order they were made, while writes
 * to tables that do not meet in a statement may go in another order, grouped by statement ({@link #grouped}), so that
 * the database takes each statement's rows as one batch it prepares once. An insert held back answers that it
 * inserted one row, as a plain {@code INSERT ... VALUES} does; one that fails (a duplicate key) or writes other than
 * one row fails the batch when it is sent, later than it would have unbatched, and the rebuild with it
 * ({@link Shadow#failure()}). On PostgreSQL the last of them ride with a read sent through
 * {@link RidingWrites#read}, in front of it in one command: one round trip for both. Outside a transaction every
 * statement runs at once.
 */
final class BatchingJdbcTemplate extends JdbcTemplate implements RidingWrites.Holder {

    private static final Logger log = LoggerFactory.getLogger(BatchingJdbcTemplate.class);

    BatchingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** The inserts held back in the current transaction, in order. */
    private final class Pending implements TransactionSynchronization {

        private final List<String> statements = new ArrayList<>();
        private final List<Object[]> arguments = new ArrayList<>();
        /** Sent for the commit: a write after that (another synchronization's, before the commit) runs at once. */
        private boolean sentForCommit;

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
            sentForCommit = true;
        }

        @Override
        public void flush() {
            send();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BatchingJdbcTemplate.this);
            if (status == STATUS_COMMITTED && !statements.isEmpty()) {
                // held first by another synchronization after the commit began: never sent. Loud, not silent.
                log.error("{} write(s) held in a transaction that committed without them, the first: {}",
                        statements.size(), statements.get(0));
            }
        }

        void send() {
            RidingWrites.Writes last = sendAllButLast();
            sendTogether(last.statements(), last.arguments());
        }

        /**
         * Sends the held writes, grouped ({@link #grouped}): a group of many rows as one JDBC batch, a statement the
         * database prepares once; on PostgreSQL the groups of a few rows between them (a handler's writes to tables
         * that each see a row or two) as one multi-statement command, which the driver sends in one round trip too; all
         * but those of the last such command, handed back (to be sent, or to ride with a read).
         */
        RidingWrites.Writes sendAllButLast() {
            // taken out first: sending them goes through the template, which flushes (nothing, then) on its way
            List<Group> groups = grouped(statements, arguments);
            this.statements.clear();
            this.arguments.clear();
            boolean pipelined = postgreSql();
            List<String> fewSql = new ArrayList<>();
            List<Object[]> fewArguments = new ArrayList<>();
            for (Group group : groups) {
                if (!pipelined || group.arguments.size() >= BATCHED_RUN) {
                    sendTogether(fewSql, fewArguments);
                    fewSql.clear();
                    fewArguments.clear();
                    expectOneRowEach(group.sql, BatchingJdbcTemplate.super.batchUpdate(group.sql, group.arguments));
                } else {
                    for (Object[] args : group.arguments) {
                        fewSql.add(group.sql);
                        fewArguments.add(args);
                    }
                }
            }
            int last = Math.max(0, fewSql.size() - TOGETHER);
            sendTogether(fewSql.subList(0, last), fewArguments.subList(0, last));
            return new RidingWrites.Writes(fewSql.subList(last, fewSql.size()),
                    fewArguments.subList(last, fewSql.size()));
        }
    }

    /** Rows of one statement, sent together. */
    record Group(String sql, Tables tables, List<Object[]> arguments) {
    }

    /**
     * The writes in groups of one statement each, in an order that keeps every dependency between them: a write
     * joins the group of its statement if that is the last group it depends on (one that writes a table it reads or
     * writes, or reads a table it writes), else starts a group after all others. So a write only moves ahead of writes
     * it cannot see nor they it. (Foreign keys and triggers between a projection's tables would be dependencies the
     * statements do not name: the query side has none.)
     */
    static List<Group> grouped(List<String> statements, List<Object[]> arguments) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            Tables tables = TABLES.computeIfAbsent(sql, Tables::of);
            Group last = null;
            for (int g = groups.size() - 1; g >= 0 && last == null; g--) {
                if (groups.get(g).tables.dependOn(tables)) {
                    last = groups.get(g);
                }
            }
            if (last == null || !last.sql.equals(sql)) {
                last = new Group(sql, tables, new ArrayList<>());
                groups.add(last);
            }
            last.arguments.add(arguments.get(i));
        }
        return groups;
    }

    private static final Map<String, Tables> TABLES = new ConcurrentHashMap<>();

    /**
     * The tables a statement writes (after INTO, UPDATE, or DELETE FROM) and reads (after FROM, JOIN or USING; with
     * the names of its common table expressions, which only make it wait for more); or, where it names a table in a
     * way these do not follow (a schema-qualified name, LATERAL or ONLY, a subquery in a FROM list), a barrier that
     * keeps its place among all other writes.
     */
    record Tables(Set<String> written, Set<String> read, boolean barrier) {

        static Tables of(String sql) {
            Set<String> written = new HashSet<>();
            Set<String> read = new HashSet<>();
            boolean barrier = UNFOLLOWED.matcher(sql).find();
            Matcher table = TABLE.matcher(sql);
            while (table.find()) {
                String keyword = table.group(1).toUpperCase(Locale.ROOT);
                boolean writes = keyword.equals("INTO") || keyword.equals("UPDATE") || keyword.startsWith("DELETE");
                (writes ? written : read).add(name(table.group(2)));
                // the tables listed after it: FROM claim c, person p
                Matcher listed = LISTED.matcher(sql).region(table.end(), sql.length());
                while (listed.lookingAt()) {
                    read.add(name(listed.group(1)));
                    listed.region(listed.end(), sql.length());
                }
                barrier |= LISTED_SUBQUERY.matcher(sql).region(listed.regionStart(), sql.length()).lookingAt();
            }
            barrier |= Stream.concat(written.stream(), read.stream())
                             .anyMatch(name -> name.contains(".") || name.equals("lateral") || name.equals("only"));
            read.removeAll(written);
            return new Tables(written, read, barrier);
        }

        private static String name(String quoted) {
            return quoted.replace("\"", "").toLowerCase(Locale.ROOT);
        }

        /** Whether two statements must keep their order: one writes what the other reads or writes. */
        boolean dependOn(Tables other) {
            return barrier || other.barrier || !Collections.disjoint(written, other.written)
                    || !Collections.disjoint(written, other.read) || !Collections.disjoint(read, other.written);
        }
    }

    /** A table after a keyword; not a MERGE's {@code UPDATE SET}. */
    private static final Pattern TABLE = Pattern.compile(
            "\\b(DELETE\\s+FROM|FROM|JOIN|INTO|UPDATE|USING)\\s+(?!SET\\b)(\"?[A-Za-z_][\\w.\"]*)",
            Pattern.CASE_INSENSITIVE);

    /** A subquery where a table may stand (after FROM or JOIN): the tables listed after it are not followed. */
    private static final Pattern UNFOLLOWED = Pattern.compile("\\b(?:FROM|JOIN)\\s*\\(", Pattern.CASE_INSENSITIVE);

    /** A subquery next in a list of tables, after an alias and a comma. */
    private static final Pattern LISTED_SUBQUERY = Pattern.compile(
            "(?:\\s+(?:AS\\s+)?[A-Za-z_]\\w*)?\\s*,\\s*\\(", Pattern.CASE_INSENSITIVE);

    /** The next table of a list after one: an alias, a comma, a table. */
    private static final Pattern LISTED = Pattern.compile(
            "(?:\\s+(?:AS\\s+)?[A-Za-z_]\\w*)?\\s*,\\s*(\"?[A-Za-z_][\\w.\"]*)", Pattern.CASE_INSENSITIVE);

    /** Shorter runs of one statement than this go with their neighbours in one command (on PostgreSQL). */
    private static final int BATCHED_RUN = 8;
    /** Statements of one multi-statement command at most. */
    private static final int TOGETHER = 200;

    private volatile Boolean postgreSql;

    private boolean postgreSql() {
        if (postgreSql == null) {
            postgreSql = super.execute((ConnectionCallback<Boolean>) Databases::postgreSql);
        }
        return postgreSql;
    }

    /** Different statements as one command: PostgreSQL's driver parses it into each and sends them all at once. */
    private void sendTogether(List<String> statements, List<Object[]> arguments) {
        for (int from = 0; from < statements.size(); from += TOGETHER) {
            List<String> sql = statements.subList(from, Math.min(statements.size(), from + TOGETHER));
            List<Object[]> args = arguments.subList(from, from + sql.size());
            if (sql.size() == 1) {
                expectOneRowEach(sql.get(0), new int[] {super.update(sql.get(0), args.get(0))});
                continue;
            }
            super.execute((ConnectionCallback<Void>) connection -> {
                RidingWrites.send(connection, new RidingWrites.Writes(sql, args), List.of(), List.of(), List.of());
                return null;
            });
        }
    }

    private static void expectOneRowEach(String sql, int[] counts) {
        for (int count : counts) {
            RidingWrites.expectOneRow(sql, count);
        }
    }

    /**
     * Statements that write rows they are given and return none: an {@code INSERT} or a {@code MERGE}, on its own or
     * after a {@code WITH} (a row moved from one table to another: {@code WITH moved AS (DELETE ... RETURNING ...)
     * INSERT ... SELECT ... FROM moved}), without a {@code RETURNING} of its own.
     */
    private static boolean insert(String sql) {
        String statement = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (statement.startsWith("WITH")) {
            Matcher main = AFTER_WITH.matcher(statement);
            int start = -1;
            while (main.find()) {
                start = main.start(1);
            }
            if (start < 0) {
                return false;
            }
            statement = statement.substring(start);
        }
        return (statement.startsWith("INSERT") || statement.startsWith("MERGE")) && !statement.contains("RETURNING");
    }

    /** The statement a {@code WITH}'s common table expressions lead to, if it writes rows. */
    private static final Pattern AFTER_WITH = Pattern.compile("\\)\\s*((INSERT|MERGE)\\b)");

    private static boolean plainArguments(Object[] args) {
        for (Object arg : args) {
            if (arg instanceof SqlParameterValue) {
                return false;
            }
        }
        return true;
    }

    /** On PostgreSQL, the held inserts that can go in one command with the read about to be sent. */
    @Override
    public RidingWrites.Writes takeRiders() {
        Object pending = TransactionSynchronizationManager.getResource(this);
        return pending == null || !postgreSql() ? RidingWrites.Writes.NONE : ((Pending) pending).sendAllButLast();
    }

    private void flush() {
        Object pending = TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            ((Pending) pending).send();
        }
    }

    @Override
    public int update(String sql, @Nullable Object... args) throws DataAccessException {
        if (insert(sql) && holdOne(sql, args)) {
            return 1;
        }
        flush();
        return super.update(sql, args);
    }

    @Override
    public boolean holdOne(String sql, @Nullable Object[] args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || (args != null && !plainArguments(args))) {
            return false;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        } else if (pending.sentForCommit) {
            return false;
        }
        pending.statements.add(sql);
        pending.arguments.add(args == null ? new Object[0] : args.clone());
        return true;
    }

    // Every other way to the database (Spring's own funnels, each public method that reaches a private one) sends the
    // held inserts first.

    @Override
    public <T> T execute(ConnectionCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }

    @Override
    public <T> T execute(StatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(action);
    }

    @Override
    public void execute(String sql) throws DataAccessException {
        flush();
        super.execute(sql);
    }

    @Override
    public <T> T query(String sql, ResultSetExtractor<T> rse) throws DataAccessException {
        flush();
        return super.query(sql, rse);
    }

    @Override
    public <T> Stream<T> queryForStream(String sql, RowMapper<T> rowMapper) throws DataAccessException {
        flush();
        return super.queryForStream(sql, rowMapper);
    }

    @Override
    public int update(String sql) throws DataAccessException {
        flush();
        return super.update(sql);
    }

    @Override
    public int[] batchUpdate(String... sql) throws DataAccessException {
        flush();
        return super.batchUpdate(sql);
    }

    @Override
    public <T> T execute(PreparedStatementCreator psc, PreparedStatementCallback<T> action)
            throws DataAccessException {
        flush();
        return super.execute(psc, action);
    }

    /** A batch update's way ({@code batchUpdate(sql, rows)}), which does not go through the one above. */
    @Override
    public <T> T execute(String sql, PreparedStatementCallback<T> action) throws DataAccessException {
        flush();
        return super.execute(sql, action);
    }

    @Override
    public <T> T query(PreparedStatementCreator psc, @Nullable PreparedStatementSetter pss, ResultSetExtractor<T> rse)
            throws DataAccessException {
        flush();
        return super.query(psc, pss, rse);
    }

    @Override
    public <T> Stream<T> queryForStream(PreparedStatementCreator psc, @Nullable PreparedStatementSetter pss,
                                        RowMapper<T> rowMapper) throws DataAccessException {
        flush();
        return super.queryForStream(psc, pss, rowMapper);
    }

    @Override
    protected int update(PreparedStatementCreator psc, @Nullable PreparedStatementSetter pss)
            throws DataAccessException {
        flush();
        return super.update(psc, pss);
    }

    @Override
    public int update(PreparedStatementCreator psc, KeyHolder generatedKeyHolder) throws DataAccessException {
        flush();
        return super.update(psc, generatedKeyHolder);
    }

    @Override
    public <T> T execute(CallableStatementCreator csc, CallableStatementCallback<T> action)
            throws DataAccessException {
        flush();
        return super.execute(csc, action);
    }
}
