package org.registry.kernel.dashboard;

import java.time.YearMonth;

/**
 * One month of an area's population balance ({@code GET /api/dashboards/population-balance}):
 * {@code opening + births + movedIn - deaths - movedOut = closing}, and each month's closing is the next month's
 * opening.
 *
 * @param opening  living in the area at the end of the day before the month's first day (the last month's closing)
 * @param movedIn  moves into the area dated in the month: arrivals, first registrations of residents already living
 *                 here, transfers and relocations from outside the area
 * @param movedOut moves out of the area dated in the month: moves away, transfers and relocations to outside it
 * @param closing  living in the area at the end of the month's last day
 */
public record PopulationBalanceMonth(YearMonth month,
                                     long opening,
                                     long births,
                                     long movedIn,
                                     long deaths,
                                     long movedOut,
                                     long closing) {
}
