package org.registry.command.api;

import org.registry.kernel.common.RejectionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code If-Match: "<version>"}: the version of the record the caller's command is based on. */
final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private IfMatch() {
    }

    /** The expected version, or {@code null} when the command is unconditional (no header, or {@code *}). */
    static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw RejectionException.invalid("If-Match", "VALIDATION_FAILED",
                    "If-Match takes the record's version as the ETag gave it, e.g. \"3\"; got " + header);
        }
        return Long.parseLong(matcher.group(1));
    }
}
