package org.registry.query.api;

import org.registry.kernel.common.RejectionException;
import org.registry.platform.web.StrictParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The instant a read is answered as of, by the second clock of domain.md (when facts were recorded): only facts
 * recorded at or before it count, and a correction recorded after it is not applied. {@link #LIVE} is everything
 * recorded so far.
 *
 * <p>Recording instants are kept to the microsecond (PostgreSQL's resolution), so {@code knownAt} is too.
 *
 * @param instant the instant, or null for {@link #LIVE}
 */
public record KnownAt(Instant instant) {

    public static final KnownAt LIVE = new KnownAt(null);
    /** The named SQL parameter that carries the instant. */
    public static final String PARAMETER = "knownAt";

    public KnownAt {
        instant = instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean live() {
        return instant == null;
    }

    /** The value to bind to {@code :knownAt}. */
    public OffsetDateTime parameter() {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Reads {@code knownAt} as api.md writes instants: {@code 2026-02-02T10:00:00Z}, with an offset
     * ({@code 2026-02-02T18:00:00+08:00}), a local date-time in the offices' time zone, or a bare date, which means
     * the end of that day there (a report filed on the 2nd knows everything recorded on the 2nd).
     */
    public static KnownAt parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return LIVE;
        }
        String value = text;
        try {
            Instant instant;
            if (value.length() == 10) {
                instant = StrictParameters.date(value, PARAMETER).plusDays(1).atStartOfDay(zone).toInstant()
                                          .minusNanos(1000);
            } else if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(value).toInstant();
            } else {
                instant = LocalDateTime.parse(value).atZone(zone).toInstant();
            }
            StrictParameters.inRange(LocalDate.ofInstant(instant, zone), PARAMETER);
            return new KnownAt(instant);
        } catch (DateTimeParseException e) {
            throw RejectionException.invalid(PARAMETER, "VALIDATION_FAILED", PARAMETER
                    + " is an ISO-8601 instant (2026-02-02T10:00:00Z), a local date-time or a date, got '" + text + "'");
        }
    }

    /** Rows recorded at or before the instant: the filter of a table of facts that are never superseded. */
    public String recorded(String alias) {
        return live() ? "1 = 1" : alias + ".recorded_at <= :" + PARAMETER;
    }

    /**
     * The rows of a versioned table as known at the instant: the current table when live; otherwise the current
     * rows recorded by then and the superseded rows that were still current then.
     *
     * @param table   the table of current rows; its superseded rows are in {@code <table>_history}
     * @param columns the columns to read from both
     */
    public String versioned(String table, String columns) {
        if (live()) {
            return table;
        }
        return "(SELECT " + columns + " FROM " + table + " WHERE recorded_at <= :" + PARAMETER
                + " UNION ALL SELECT " + columns + " FROM " + table + "_history WHERE recorded_at <= :" + PARAMETER
                + " AND superseded_at > :" + PARAMETER + ")";
    }

    @Override
    public String toString() {
        return live() ? "live" : instant.toString();
    }
}
