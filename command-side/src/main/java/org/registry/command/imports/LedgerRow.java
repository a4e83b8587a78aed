package org.registry.command.imports;

import java.util.Map;

/**
 * A row of a ledger as text: its number as the office sees it (the spreadsheet's row, the CSV file's record, the
 * header being row 1) and the text of each column it has, trimmed; blank cells are absent.
 */
record LedgerRow(int number, Map<Column, String> values) {

    String get(Column column) {
        return values.get(column);
    }
}
