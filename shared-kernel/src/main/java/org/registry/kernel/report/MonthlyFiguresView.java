package org.registry.kernel.report;

import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.kernel.dashboard.PopulationBalanceMonth;

/**
 * The figures of a monthly report: the month's indicators and population balance of the area, as the register knew
 * them at {@code indicators.knownAt()} (the instant of filing). The answer to {@link GetMonthlyFigures}.
 */
public record MonthlyFiguresView(IndicatorsView indicators, PopulationBalanceMonth balance) {
}
