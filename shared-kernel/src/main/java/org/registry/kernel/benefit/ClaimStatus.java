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

    /** The status a claim awaits the decision of {@code stage} in: the one the stage before approved it to. */
    public static ClaimStatus awaiting(Stage stage) {
        return switch (stage) {
            case VILLAGE_ASSESSMENT -> APPLIED;
            case TOWNSHIP_REVIEW -> VILLAGE_APPROVED;
            case COUNTY_APPROVAL -> TOWNSHIP_APPROVED;
        };
    }

    /**
     * A claim's status after its approval at {@code stage}: the next stage awaits it, and the county's approval puts
     * it on public notice. The one rule the claim entity, the person index, the benefit ledger and the as-of reader
     * apply.
     */
    public static ClaimStatus afterApprovalAt(Stage stage) {
        return switch (stage) {
            case VILLAGE_ASSESSMENT -> VILLAGE_APPROVED;
            case TOWNSHIP_REVIEW -> TOWNSHIP_APPROVED;
            case COUNTY_APPROVAL -> PUBLIC_NOTICE;
        };
    }

    /**
     * A claim's status after one of its objections is resolved, {@code stillOpen} objections left: a dismissal lets
     * the notice go on once none is open; an upheld objection changes nothing here, the rejection that follows does.
     */
    public ClaimStatus afterResolution(boolean upheld, int stillOpen) {
        return this == OBJECTED && !upheld && stillOpen == 0 ? PUBLIC_NOTICE : this;
    }

    /** Still on its way, or being paid: a person has at most one open claim per programme. */
    public boolean open() {
        return this != REJECTED && this != ENDED;
    }
}
