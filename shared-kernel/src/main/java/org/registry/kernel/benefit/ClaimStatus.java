package org.registry.kernel.benefit;

/** Where a claim stands. */
public enum ClaimStatus {
    /** Filed; awaiting the village assessment. */
    APPLIED,
    /** Approved by the village; awaiting the township review. */
    VILLAGE_APPROVED,
    /** Approved by the township; awaiting the county approval. */
    TOWNSHIP_APPROVED,
    /** Approved by the county; on public notice until the period ends (公示). */
    PUBLIC_NOTICE,
    /** On public notice, held by an objection until it is resolved. */
    OBJECTED,
    /** Granted: paid every period, re-certified every year. */
    GRANTED,
    /** Refused at a stage, or by an upheld objection. */
    REJECTED,
    /** Was granted, and has ended. */
    ENDED;

    /** Still on its way, or being paid: a person has at most one open claim per programme. */
    public boolean open() {
        return this != REJECTED && this != ENDED;
    }
}
