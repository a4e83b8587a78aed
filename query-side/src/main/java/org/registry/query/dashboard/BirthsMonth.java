package org.registry.query.dashboard;

import org.registry.kernel.dashboard.IndicatorsView;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One month of an area's births ({@code GET /api/dashboards/births-by-month}): the period's births dated in the
 * month, by sex and by birth order, as the indicators count them over the whole period.
 *
 * @param from the month's first day in the period (the period's {@code from} for a first month it cuts)
 * @param to   the month's last day in the period: the drill-down of a month's figure is that figure's list
 *             ({@code GET /api/dashboards/indicators/{figure}}) for {@code from} to {@code to}
 */
public record BirthsMonth(YearMonth month,
                          LocalDate from,
                          LocalDate to,
                          long total,
                          long male,
                          long female,
                          IndicatorsView.ByOrder byOrder) {
}
