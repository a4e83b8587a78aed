package org.registry.query.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every rate of the registry is computed: exactly, then rounded once to one decimal place, half up; null when
 * the denominator is 0 (a rate of nothing is unknown, not zero).
 */
public final class Rates {

    private Rates() {
    }

    /** {@code numerator / denominator × scale}, e.g. 57 boys per 53 girls × 100 = 107.5. */
    public static BigDecimal rate(long numerator, BigDecimal denominator, int scale) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(scale))
                         .divide(denominator, 1, RoundingMode.HALF_UP);
    }

    public static BigDecimal rate(long numerator, long denominator, int scale) {
        return rate(numerator, BigDecimal.valueOf(denominator), scale);
    }

    /** A percentage: 8,943 checked of 9,126 eligible = 98.0. */
    public static BigDecimal percent(long numerator, long denominator) {
        return rate(numerator, denominator, 100);
    }

    /** Per thousand: 164 births in a mean population of 20,405 = 8.0‰. */
    public static BigDecimal perMille(long numerator, BigDecimal denominator) {
        return rate(numerator, denominator, 1000);
    }

    /** The mean of two populations, (start + end) / 2, with its one decimal (x.0 or x.5). */
    public static BigDecimal mean(long start, long end) {
        return BigDecimal.valueOf(start + end).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }
}
