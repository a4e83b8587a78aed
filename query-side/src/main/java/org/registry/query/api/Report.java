package org.registry.query.api;

import org.registry.kernel.common.RejectionException;
import org.registry.platform.web.StrictParameters;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a figure is read for: an area, a period [from, to] of business dates (both days included), and the instant
 * of {@link KnownAt}. Binds the named parameters every figure's SQL may use: {@code :from}, {@code :to},
 * {@code :bornBy} / {@code :bornAfter} (aged 15 to 49 on {@code to}), {@code :knownAt} and the area's.
 */
public record Report(AreaSql area, LocalDate from, LocalDate to, KnownAt knownAt) {

    /** The youngest and oldest age of a woman of childbearing age (育龄妇女), on the last day of the period. */
    public static final int CHILDBEARING_AGE_FROM = 15;
    public static final int CHILDBEARING_AGE_TO = 49;

    public Report {
        if (from == null) {
            throw RejectionException.invalid("from", "VALIDATION_FAILED", "from is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw RejectionException.invalid("to", "VALIDATION_FAILED", "to is required (YYYY-MM-DD)");
        }
        StrictParameters.inRange(from, "from");
        StrictParameters.inRange(to, "to");
        if (from.isAfter(to)) {
            throw RejectionException.invalid("from", "VALIDATION_FAILED",
                    "from (" + from + ") lies after to (" + to + ")");
        }
        knownAt = knownAt == null ? KnownAt.LIVE : knownAt;
    }

    /**
     * A read as its caller asks it: an area, required and within their scope; the period; and {@code knownAt} as given
     * ({@link KnownAt#parse}, a date meaning the end of that day in {@code zone}).
     */
    public static Report asked(String areaCode, LocalDate from, LocalDate to, String knownAt, ZoneId zone) {
        return new Report(AreaSql.requiredForCaller(areaCode), from, to, KnownAt.parse(knownAt, zone));
    }

    public MapSqlParameterSource parameters() {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("bornBy", bornBy())
                .addValue("bornAfter", bornAfter())
                .addValue(KnownAt.PARAMETER, knownAt.parameter());
        return area.bind(parameters);
    }

    /** Aged at least 15 on {@code to}: born on or before this day. */
    public LocalDate bornBy() {
        return to.minusYears(CHILDBEARING_AGE_FROM);
    }

    /** Aged at most 49 on {@code to}: born after this day. */
    public LocalDate bornAfter() {
        return to.minusYears(CHILDBEARING_AGE_TO + 1);
    }

    /** The same area and instant, for another period. */
    public Report over(LocalDate otherFrom, LocalDate otherTo) {
        return new Report(area, otherFrom, otherTo, knownAt);
    }
}
