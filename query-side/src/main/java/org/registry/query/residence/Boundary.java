package org.registry.query.residence;

/** What begins or ends a segment of a person's residence history. */
public enum Boundary {
    /** Born into a household here. */
    BIRTH,
    /** Entered in the register as a resident already living here (no origin): a move in on {@code residentSince}. */
    REGISTRATION,
    /** Came to live here from elsewhere: a registration with an origin, or a return after moving away. */
    ARRIVAL,
    /** Went to live elsewhere (ends a stay; begins the {@code MOVED_OUT} segment of a registered resident). */
    DEPARTURE,
    /** Came back: ends the {@code MOVED_OUT} segment. */
    RETURN,
    DEATH,
    /** Left one household for another. */
    TRANSFER,
    /** The household moved, with its members. */
    RELOCATION,
    /** Nothing moved: the marital status changed. */
    CHANGE;

    /** A boundary between two segments of one stay, with nothing in between: the person went on living here. */
    public boolean continuing() {
        return this == TRANSFER || this == RELOCATION || this == CHANGE;
    }
}
