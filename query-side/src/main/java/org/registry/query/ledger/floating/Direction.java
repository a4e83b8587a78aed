package org.registry.query.ledger.floating;

/** The two halves of the floating-population register. */
public enum Direction {
    /** 流入: living here, registered elsewhere ({@code FLOATING_IN}). */
    IN,
    /** 流出: registered here, living elsewhere ({@code MOVED_OUT}). */
    OUT
}
