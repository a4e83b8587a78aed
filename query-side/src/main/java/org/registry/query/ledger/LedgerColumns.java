package org.registry.query.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of a ledger's download, in their order: each a label key ({@code document.column.<name>}) and where
 * its value is in a row's JSON (a JSON pointer), as {@code LedgerExports.export} takes them.
 */
public final class LedgerColumns {

    private final Map<String, String> columns = new LinkedHashMap<>();

    /** Fields of a row's JSON, each labelled by its own name. */
    public static LedgerColumns fields(String... names) {
        return new LedgerColumns().and(names);
    }

    /** More fields of a row's JSON, each labelled by its own name. */
    public LedgerColumns and(String... names) {
        for (String name : names) {
            columns.put("document.column." + name, "/" + name);
        }
        return this;
    }

    /** A value elsewhere in a row's JSON than a field of the name. */
    public LedgerColumns at(String name, String pointer) {
        columns.put("document.column." + name, pointer);
        return this;
    }

    /** Label key to JSON pointer, in order. */
    public Map<String, String> map() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
