package org.registry.query.audit;

import org.registry.kernel.common.RejectionException;
import org.registry.platform.web.StrictParameters;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Instants as the audit API takes them: an ISO-8601 date-time with an offset ({@code 2026-03-01T09:30:00+08:00},
 * {@code ...Z}), a local date-time in the offices' zone ({@code 2026-03-01T09:30}), or a bare date, which means the
 * start of that day in the offices' zone for the beginning of a period and its end for everything else.
 */
final class Instants {

    private Instants() {
    }

    /** A bare date means the end of the day: everything recorded that day counts. */
    static Instant endOf(String text, String field, ZoneId zone) {
        return parse(text, field, zone, true);
    }

    /** A bare date means the start of the day. */
    static Instant startOf(String text, String field, ZoneId zone) {
        return parse(text, field, zone, false);
    }

    private static Instant parse(String text, String field, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " is required");
        }
        // A '+' of an offset arrives as a space when the client did not encode it; a date-time has no space.
        String value = text.replace(' ', '+');
        try {
            if (value.length() == 10) {
                LocalDate day = StrictParameters.date(value, field);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException withoutOffset) {
                try {
                    instant = ZonedDateTime.parse(value).toInstant();
                } catch (DateTimeException withoutZone) {
                    instant = LocalDateTime.parse(value).atZone(zone).toInstant();
                }
            }
            StrictParameters.inRange(LocalDate.ofInstant(instant, zone), field);
            return instant;
        } catch (DateTimeException e) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field
                    + " is an ISO-8601 date-time (2026-03-01T09:30:00+08:00) or a date (2026-03-01), got '" + text
                    + "'");
        }
    }
}
