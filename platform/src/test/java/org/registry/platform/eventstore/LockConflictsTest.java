package org.registry.platform.eventstore;

import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class LockConflictsTest {

    @Test
    void deadlocksAndSerializationFailuresAreConflictsWhereverTheyAreInTheChain() {
        assertThat(LockConflicts.isLockConflict(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(LockConflicts.isLockConflict(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(LockConflicts.isLockConflict(new LockAcquisitionFailedException("deadlock"))).isTrue();
        assertThat(LockConflicts.isLockConflict(new CannotAcquireLockException("lock"))).isTrue();
    }

    @Test
    void aClosedConnectionWithoutSqlStateIsNoConflictAndNoFailureOfItsOwn() {
        SQLException closed = new SQLException("Connection is closed");

        assertThat(closed.getSQLState()).isNull();
        assertThat(LockConflicts.isLockConflict(new IllegalStateException(closed))).isFalse();
        assertThat(LockConflicts.isLockConflict(new SQLTransientConnectionException("timed out"))).isFalse();
        assertThat(LockConflicts.isLockConflict(new SQLException("unique", "23505"))).isFalse();
    }
}
