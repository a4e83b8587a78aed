package org.registry.kernel.common;

import java.util.Map;

/**
 * Thrown wherever a rule refuses input: by value objects on construction, by aggregates deciding a command,
 * by the web layer. Carries a {@link Rejection}; the factories name the common kinds.
 */
public class RejectionException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectionException(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public static RejectionException invalid(String field, String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.INVALID_INPUT, code, message, field));
    }

    public static RejectionException unprocessable(String field, String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.UNPROCESSABLE, code, message, field));
    }

    public static RejectionException notFound(String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.NOT_FOUND, code, message, null));
    }

    /** A record named by an input field does not exist. */
    public static RejectionException notFound(String field, String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.NOT_FOUND, code, message, field));
    }

    public static RejectionException conflict(String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.CONFLICT, code, message, null));
    }

    public static RejectionException conflict(String code, String message, Map<String, String> details) {
        return new RejectionException(new Rejection(RejectionKind.CONFLICT, code, message, null, details));
    }

    /** The record's state does not allow the command (e.g. a fact recorded after death). */
    public static RejectionException invalidState(String message) {
        return conflict("INVALID_STATE", message);
    }

    public static RejectionException forbidden(String code, String message) {
        return new RejectionException(new Rejection(RejectionKind.FORBIDDEN, code, message, null));
    }
}
