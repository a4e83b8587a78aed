package org.registry.kernel.benefit;

/** What paying a claim for a period did: paid it, found it paid already, or why the claim is not due then. */
public enum PaymentOutcome {
    PAID,
    /** Paid for that period already: nothing was paid again. */
    ALREADY_PAID,
    /** Not due: the claim is still being decided (applied, approved at a stage, on public notice, objected to). */
    UNDER_REVIEW,
    /** Not due: the claim was rejected. */
    REJECTED,
    /** Not due: the claim was granted only after the period ended. */
    GRANTED_AFTER_PERIOD,
    /** Not due: the claim ended before the period began (or without ever being granted). */
    ENDED,
    /**
     * Not due: the period falls in a year after the one the claim was granted in (and, for a grant an import brought
     * in, after the import's year), not re-certified to continue.
     */
    NOT_RECERTIFIED,
    /**
     * Not due: the claim is a grant an import brought in, and the period began before the period of the import day;
     * the office's books before the register account for those.
     */
    BEFORE_REGISTER;

    /** Whether this outcome says why a claim is not due, rather than that it was (or had been) paid. */
    public boolean notDue() {
        return this != PAID && this != ALREADY_PAID;
    }
}
