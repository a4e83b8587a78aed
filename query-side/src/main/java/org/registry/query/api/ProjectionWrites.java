package org.registry.query.api;

import org.springframework.beans.factory.annotation.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code JdbcTemplate} a live projection writes with, on its constructor's parameter: in the processor's
 * transaction its inserts and merges (and updates of one row through {@link RidingWrites#updateOne}) are held back
 * and sent grouped by statement as JDBC batches (on PostgreSQL, the few rows of statements between them as one
 * command), before any other statement on it and before the transaction commits, as a rebuild's are; its reads and
 * other statements run as they come. While an import runs, a processor's batch is its
 * hundred events (the batch size; a chunk of the import gives several): a few round trips instead of a few hundred.
 * The catch: an insert that fails does so when the held inserts are sent, at the commit or before the projection's
 * next other statement (in a later event's handler), so the error names the statement, not the event; the batch rolls
 * back and is retried all the same. {@code registry.projections.batch-inserts=false} sends each statement at once.
 * A projection that takes no such parameter (or a {@code NamedParameterJdbcTemplate} or {@code JdbcClient}) writes
 * one statement at a time when live.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface ProjectionWrites {
}
