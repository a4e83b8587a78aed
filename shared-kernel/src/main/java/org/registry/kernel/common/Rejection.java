package org.registry.kernel.common;

import java.util.Map;

/**
 * A refusal with a stable machine-readable {@code code}. It crosses process boundaries as the details of
 * Axon's {@code CommandExecutionException}, so it is a plain serializable record.
 *
 * @param kind    how serious, and whose fault (mapped to an HTTP status by the web layer)
 * @param code    stable word clients can switch on, e.g. {@code DUPLICATE_NATIONAL_ID}
 * @param message a sentence for humans
 * @param field   the input field at fault, or {@code null}
 * @param details further facts clients may need (e.g. the id of the person already holding an ID)
 */
public record Rejection(RejectionKind kind, String code, String message, String field, Map<String, String> details) {

    public Rejection {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Rejection(RejectionKind kind, String code, String message, String field) {
        this(kind, code, message, field, Map.of());
    }
}
