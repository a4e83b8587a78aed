package org.registry.query.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a register's page as given (its form shows them back, its page links carry them), in the form's
 * order; and a text filter as the register's read takes it.
 */
public final class Filters {

    private final Map<String, String> given = new LinkedHashMap<>();

    private Filters() {
    }

    public static Filters of(String name, Object value) {
        return new Filters().and(name, value);
    }

    public Filters and(String name, Object value) {
        given.put(name, value == null ? null : value.toString());
        return this;
    }

    /** Name to value as given (null where not), in order: what {@link RegisterTables#render} takes. */
    public Map<String, String> given() {
        return given;
    }

    /** A text filter as a read takes it: trimmed, and null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
