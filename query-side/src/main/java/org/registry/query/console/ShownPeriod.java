package org.registry.query.console;

import java.time.Clock;
import java.time.LocalDate;

/** The period a console page shows: as given, or by default this year up to today. */
public record ShownPeriod(LocalDate from, LocalDate to) {

    public static ShownPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        return new ShownPeriod(from != null ? from : today.withDayOfYear(1), to != null ? to : today);
    }
}
