package org.registry.kernel.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * New identifiers, and the parsing of identifiers that arrive as text (paths, bodies), with an error that names the
 * field.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator TIME_ORDERED = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    /**
     * A new identifier for a record (a person, a household, a claim...) or an event: a version 7 UUID (RFC 9562),
     * which begins with the millisecond it was made, so identifiers made one after another sort together. Every
     * table keyed or indexed by them then grows at its end, as it does by a sequence, instead of at a random page of
     * the index: with a county's millions of rows, random UUIDs (version 4) made each insert read and dirty an index
     * page of its own in every such index. It tells the moment the record was made, which the audit trail tells
     * anyway; it is as unique as version 4 (74 random bits a millisecond).
     */
    public static UUID next() {
        return TIME_ORDERED.generate();
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
