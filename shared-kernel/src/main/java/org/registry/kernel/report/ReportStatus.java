package org.registry.kernel.report;

/**
 * Where an area's report of a month stands: {@code DUE} not filed yet (see {@code overdue}); {@code FILED} awaiting
 * the level above, first filed by the due day; {@code LATE} awaiting the level above, first filed after it;
 * {@code RETURNED} to be filed again; {@code APPROVED} final.
 */
public enum ReportStatus {
    DUE, FILED, LATE, RETURNED, APPROVED
}
