package org.registry.command.imports;

import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.NationalId;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A row of a ledger being read into commands: its cells read by the kernel's value objects, dates in the ways
 * offices write them, choices by their English names or Chinese labels; every problem collected, naming its column.
 */
abstract class RowReader {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"), DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"))
            .stream().map(format -> format.withResolverStyle(ResolverStyle.STRICT)).toList();

    final int number;
    final List<PersonRow.Problem> problems = new ArrayList<>();
    final LedgerRow row;

    RowReader(LedgerRow row) {
        this.row = row;
        this.number = row.number();
    }

    /** The national IDs the row names (the person's, a birth's mother's and father's), as far as they are valid. */
    abstract Stream<NationalId> nationalIds();

    /** A problem for each column the ledger requires that the row leaves blank. */
    void requireColumns(Ledger ledger) {
        for (Column column : ledger.requiredColumns()) {
            if (row.get(column) == null) {
                problems.add(new PersonRow.Problem(column.label(), "VALIDATION_FAILED", column.label()
                        + " is required"));
            }
        }
    }

    <T> T read(Column column, Supplier<T> reading) {
        if (column != null && row.get(column) == null && column != Column.CERTIFICATE_NUMBER) {
            return null;
        }
        try {
            return reading.get();
        } catch (RejectionException e) {
            problems.add(PersonRow.Problem.of(e, column));
            return null;
        }
    }

    <E> E choice(Column column, Map<String, E> labels) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        E value = labels.get(text.toUpperCase(Locale.ROOT));
        if (value == null) {
            problems.add(new PersonRow.Problem(column.label(), "VALIDATION_FAILED", column.label() + " '" + text
                    + "' is not one of " + String.join("、", labels.keySet().stream().sorted().toList())));
        }
        return value;
    }

    LocalDate date(Column column) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        problems.add(new PersonRow.Problem(column.label(), "VALIDATION_FAILED", column.label() + " '" + text
                + "' is not a date (e.g. 1990-01-01, 1990/1/1, 19900101, 1990年1月1日)"));
        return null;
    }

    /** The English names of an enumeration (any case) and the Chinese labels offices write. */
    static <E extends Enum<E>> Map<String, E> labels(E[] names, Object... chinese) {
        Map<String, E> labels = new HashMap<>();
        Arrays.stream(names).forEach(value -> labels.put(value.name(), value));
        for (int i = 0; i < chinese.length; i += 2) {
            @SuppressWarnings("unchecked") E value = (E) chinese[i + 1];
            labels.put((String) chinese[i], value);
        }
        return Map.copyOf(labels);
    }
}
