package org.registry.query.api;

/**
 * The records behind one figure: the FROM and WHERE of one query. The figure is their count and its drill-down
 * lists them, so the two cannot disagree: there is one predicate, in one place.
 *
 * @param from  tables and joins, with their aliases
 * @param where the predicate, with named parameters
 */
public record Selection(String from, String where) {

    public String count() {
        return "SELECT COUNT(*) FROM " + from + " WHERE " + where;
    }

    /** {@code SUM(expression)} over the records. */
    public String sum(String expression) {
        return "SELECT COALESCE(SUM(" + expression + "), 0) FROM " + from + " WHERE " + where;
    }

    /** One page of the records, with {@code :limit} and {@code :offset}; {@code orderBy} must make the order total. */
    public String page(String columns, String orderBy) {
        return "SELECT " + columns + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset";
    }

    /** All the records, for a cursor; {@code orderBy} must make the order total. */
    public String all(String columns, String orderBy) {
        return "SELECT " + columns + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy;
    }

    /** The same records, narrowed further. */
    public Selection and(String condition) {
        return new Selection(from, "(" + where + ") AND (" + condition + ")");
    }
}
