package org.registry.kernel.benefit;

/** Why a claim ended. */
public enum EndReason {
    /** Exited at the annual re-certification. */
    EXITED,
    CHILD_TURNED_14,
    CHILD_DIED,
    BENEFICIARY_DIED,
    MOVED_AWAY
}
