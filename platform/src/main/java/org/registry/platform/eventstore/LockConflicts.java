package org.registry.platform.eventstore;

import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.springframework.dao.PessimisticLockingFailureException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Two commands that changed the same records at once, each waiting for the other: Axon's in-process locks report a
 * deadlock, PostgreSQL a deadlock (40P01) or serialization failure (40001). Nothing was stored; the command can be
 * sent again. A connection that failed has no SQL state at all (Hikari's "Connection is closed"): not a conflict,
 * and asking an immutable set whether it holds {@code null} would throw.
 */
public final class LockConflicts {

    private static final Set<String> SQL_STATES = Set.of("40P01", "40001");

    private LockConflicts() {
    }

    public static boolean isLockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LockAcquisitionFailedException || cause instanceof PessimisticLockingFailureException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                        && SQL_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
