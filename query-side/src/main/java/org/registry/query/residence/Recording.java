package org.registry.query.residence;

import java.time.Instant;

/**
 * The event a handler of the residence history is recording: the instant it was recorded (which its rows keep), and
 * the ids of the rows it inserts. The ids derive from the event's own global position, so a rebuild gives every row
 * the id the live projection gave it; an identity column would number rows in the order events happened to be
 * handled, which differs from the store's order whenever commits land out of order.
 */
final class Recording {

    /** Rows one event may insert: a relocation derives again the segments of every member of the household. */
    static final int ROWS_PER_EVENT = 10_000;

    private final Instant at;
    private final long position;
    private int rows;

    Recording(Instant at, long position) {
        this.at = at;
        this.position = position;
    }

    Instant at() {
        return at;
    }

    long nextRowId() {
        if (rows == ROWS_PER_EVENT) {
            throw new IllegalStateException("the event at position " + position + " inserts more than "
                    + ROWS_PER_EVENT + " rows into the residence history");
        }
        return position * ROWS_PER_EVENT + rows++;
    }
}
