package org.registry.kernel.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.RejectionException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Identifies the monthly report of an area (a community or a township) for a month: one report each, so the id is
 * written {@code <areaCode>-<YYYY-MM>}, e.g. {@code 330106001001-2026-10}. {@link #toString()} is that text: Axon
 * stores it as the aggregate identifier.
 */
public record ReportId(AreaCode areaCode, YearMonth month) {

    public ReportId {
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(month, "month");
        if (areaCode.value().length() != 12 && areaCode.value().length() != 9) {
            throw RejectionException.invalid("areaCode", "REPORT_AREA_INVALID",
                    "a monthly report is filed by a community (12 digits) or a township (9 digits), not by "
                            + areaCode);
        }
    }

    @JsonCreator
    public static ReportId of(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash < 0) {
            throw RejectionException.invalid("reportId", "REPORT_ID_INVALID",
                    "a report id is <areaCode>-<YYYY-MM>, got '" + text + "'");
        }
        try {
            return new ReportId(new AreaCode(text.substring(0, dash)), YearMonth.parse(text.substring(dash + 1)));
        } catch (DateTimeParseException e) {
            throw RejectionException.invalid("reportId", "REPORT_ID_INVALID",
                    "a report id is <areaCode>-<YYYY-MM>, got '" + text + "'");
        }
    }

    /** The area that approves this one's reports: the township of a community, the county of a township. */
    public AreaCode approvingArea() {
        String code = areaCode.value();
        return new AreaCode(code.substring(0, code.length() == 12 ? 9 : 6));
    }

    /** The day the report is due: day {@code dueDay} of the next month (its last day when shorter). */
    public java.time.LocalDate dueOn(int dueDay) {
        return dueOn(month, dueDay);
    }

    /** Day {@code dueDay} of the month after {@code month} (its last day when shorter). */
    public static java.time.LocalDate dueOn(YearMonth month, int dueDay) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(Math.max(dueDay, 1), next.lengthOfMonth()));
    }

    @JsonValue
    @Override
    public String toString() {
        return areaCode.value() + "-" + month;
    }
}
