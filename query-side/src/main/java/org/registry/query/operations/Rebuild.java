package org.registry.query.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * One rebuild of a projection into a shadow, as it goes: a replay (swapped in when caught up) or a verification
 * (compared with the live projection, then dropped). Read by the status endpoint while a worker updates it.
 */
final class Rebuild {

    enum Kind { REPLAY, VERIFY }

    enum State { BUILDING, SWAPPING, COMPARING, DONE, FAILED }

    final String projection;
    final Kind kind;
    final Instant startedAt = Instant.now();
    /** The head of the store when the rebuild began: progress is measured against it. */
    final long target;
    volatile State state = State.BUILDING;
    volatile long position;
    volatile Instant finishedAt;
    volatile String error;

    Rebuild(String projection, Kind kind, long target) {
        this.projection = projection;
        this.kind = kind;
        this.target = target;
    }

    boolean running() {
        return state != State.DONE && state != State.FAILED;
    }

    /** 0-100: the shadow's position against the head at the start; 100 once caught up. */
    int progress() {
        if (state == State.DONE || target <= 0) {
            return 100;
        }
        return (int) Math.min(100, position * 100 / target);
    }

    double eventsPerSecond() {
        double seconds = Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.round(position / seconds * 10) / 10.0;
    }

    /** Seconds until caught up at the rate so far; null until there is a rate, 0 once caught up. */
    Long etaSeconds() {
        if (position >= target || !running()) {
            return 0L;
        }
        double rate = eventsPerSecond();
        return rate <= 0 ? null : (long) Math.ceil((target - position) / rate);
    }

    void finish(State end, String failure) {
        error = failure;
        finishedAt = Instant.now();
        state = end;
    }

    /**
     * @param target     the head of the store when it began
     * @param position   how far the shadow has got
     * @param etaSeconds seconds to catch up at the rate so far
     */
    record View(String projection, Kind kind, State state, Instant startedAt, Instant finishedAt, long target,
                long position, int progress, Long etaSeconds, double eventsPerSecond, String error) {
    }

    View view() {
        return new View(projection, kind, state, startedAt, finishedAt, target, position, progress(), etaSeconds(),
                eventsPerSecond(), error);
    }
}
