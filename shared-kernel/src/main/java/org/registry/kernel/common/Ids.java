package org.registry.kernel.common;

import java.util.UUID;

/** Parsing of identifiers that arrive as text (paths, bodies), with an error that names the field. */
public final class Ids {

    private Ids() {
    }

    public static UUID uuid(String text, String field) {
        if (text == null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " is required");
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " must be a UUID, got '" + text + "'");
        }
    }
}
