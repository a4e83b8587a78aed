package org.registry.kernel.report;

import org.registry.kernel.area.AreaCode;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Asks the query side for an area's figures of a month as known at an instant: what a report filed at that instant
 * holds. The command side files with the answer, so it never reads the query side's tables.
 */
public record GetMonthlyFigures(AreaCode areaCode, YearMonth month, Instant knownAt) {
}
