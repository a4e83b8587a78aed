package org.registry.platform.eventstore;

/**
 * The metadata keys every command carries and every event inherits from it: the audit trail's
 * "who, in which role, why, and which request".
 */
public final class AuditMetaData {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String REASON = "reason";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** The version of the target record the caller based its command on ({@code If-Match}). */
    public static final String EXPECTED_VERSION = "expectedVersion";

    static final String[] KEYS = {ACTOR, ROLE, REASON, REQUEST_ID};

    private AuditMetaData() {
    }
}
