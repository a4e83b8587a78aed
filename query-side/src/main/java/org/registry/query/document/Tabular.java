package org.registry.query.document;

import java.util.List;

/**
 * A document of labelled figures, laid out once and written as XLSX or PDF alike: a title, a head of
 * label/value pairs (the office, the period, who filed and approved), and sections of lines, each a figure with,
 * for a ratio, its numerator and denominator beside it.
 */
public record Tabular(String title, List<Pair> head, List<String> columns, List<Section> sections) {

    public record Pair(String label, String value) {
    }

    public record Section(String title, List<Line> lines) {
    }

    /**
     * @param key         what the line is, stable across languages (e.g. {@code report.birthRate})
     * @param value       a {@link Number}, a text or null
     * @param numerator   for a ratio, else null
     * @param denominator for a ratio, else null
     */
    public record Line(String key, String label, Object value, Number numerator, Number denominator) {

        public static Line of(String key, String label, Object value) {
            return new Line(key, label, value, null, null);
        }
    }
}
