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

    /** The import that recorded the event (its id, the file's name and SHA-256), for events an import recorded. */
    public static final String IMPORT_ID = "importId";
    public static final String IMPORT_FILE = "importFile";
    public static final String IMPORT_SHA256 = "importSha256";

    static final String[] KEYS = {ACTOR, ROLE, REASON, REQUEST_ID, IMPORT_ID, IMPORT_FILE, IMPORT_SHA256};

    private AuditMetaData() {
    }
}
