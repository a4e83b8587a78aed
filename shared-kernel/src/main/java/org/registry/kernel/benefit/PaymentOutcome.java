package org.registry.kernel.benefit;

/** What paying a claim for a period did. */
public enum PaymentOutcome {
    PAID,
    /** Paid for that period already: nothing was paid again. */
    ALREADY_PAID,
    /** Not due for that period (not granted then, ended before it, or not re-certified for its year). */
    NOT_DUE
}
