package org.registry.query.ledger.floating;

/**
 * A floating resident's certificate (流动人口婚育证明) on the day the register is read for: every entry is in
 * exactly one of these.
 */
public enum CertificateStatus {
    /** No certificate recorded. */
    NONE,
    /** Expired before the day. */
    EXPIRED,
    /** Expires on the day or within the window after it (30 days unless asked otherwise). */
    EXPIRING,
    /** Valid beyond the window. */
    VALID
}
