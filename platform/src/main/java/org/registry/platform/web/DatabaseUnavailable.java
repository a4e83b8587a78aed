package org.registry.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The database cannot be reached: no connection came within the pool's {@code connection-timeout}, or the one in
 * use broke. Such a request is answered {@code 503 DATABASE_UNAVAILABLE} with {@code Retry-After}, quickly, never a
 * 500: a command may be sent again (with its {@code Idempotency-Key} it is recorded at most once, whether or not
 * the first attempt got through), a read once the database is back.
 */
public final class DatabaseUnavailable {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    /** Seconds a client waits before trying again: a database restart takes about that long. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** SQL states of a lost or refused connection: class 08, and PostgreSQL shutting down or starting up. */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /**
     * True when the failure, or anything it was caused by (including the exception a failed rollback replaced and
     * the next exceptions of a batch), says the database could not be reached.
     */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && lostConnection(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                pending.push(rollback.getApplicationException());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                pending.push(sql.getNextException());
            }
        }
        return false;
    }

    /**
     * The failure for a log line: its chain of exception types and SQL states. No messages: a driver's message may
     * quote the statement, and with it the personal data of the event it was writing.
     */
    static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append(" [").append(sql.getSQLState()).append(']');
            }
        }
        return chain.toString();
    }

    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SHUTTING_DOWN.contains(sqlState));
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, CODE, "the database cannot be reached; nothing can be "
                + "read or recorded until it is back. Retry after " + RETRY_AFTER_SECONDS + " s (a command with the "
                + "same Idempotency-Key is recorded at most once)");
    }

    /** The answer, as problem+json whatever the endpoint produces (an NDJSON export too). */
    static ResponseEntity<Object> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem());
    }
}
