package org.registry.query.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RatesTest {

    @Test
    void fiftySevenBoysAndFiftyThreeGirlsGiveASexRatioAtBirthOf107point5() {
        assertThat(Rates.rate(57, 53, 100)).isEqualByComparingTo("107.5").hasToString("107.5");
    }

    @Test
    void oneHundredSixtyFourBirthsInAMeanPopulationOf20405GiveABirthRateOf8point0PerMille() {
        BigDecimal mean = Rates.mean(20_300, 20_510);
        assertThat(mean).hasToString("20405.0");
        assertThat(Rates.perMille(164, mean)).hasToString("8.0");
    }

    @Test
    void coverageOf8943CheckedOf9126EligibleIs98point0Percent() {
        assertThat(Rates.percent(8943, 9126)).hasToString("98.0");
    }

    @Test
    void aRateIsRoundedOnceHalfUp() {
        assertThat(Rates.percent(1, 8)).hasToString("12.5");
        assertThat(Rates.percent(1, 16)).hasToString("6.3");
        assertThat(Rates.percent(1, 3)).hasToString("33.3");
        assertThat(Rates.percent(2, 3)).hasToString("66.7");
        assertThat(Rates.perMille(-5, new BigDecimal("1000.0"))).hasToString("-5.0");
    }

    @Test
    void aRateOfAZeroDenominatorIsNull() {
        assertThat(Rates.rate(3, 0, 100)).isNull();
        assertThat(Rates.perMille(3, Rates.mean(0, 0))).isNull();
    }

    @Test
    void aMeanPopulationKeepsItsHalf() {
        assertThat(Rates.mean(3, 4)).hasToString("3.5");
        assertThat(Rates.mean(0, 0)).hasToString("0.0");
    }

    @Test
    void aBareDateAsKnownAtMeansTheEndOfThatDayInTheOfficesTimeZone() {
        KnownAt knownAt = KnownAt.parse("2026-02-02", java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(knownAt.instant()).isEqualTo(java.time.Instant.parse("2026-02-02T15:59:59.999999Z"));
        assertThat(KnownAt.parse("2026-02-02T10:00:00Z", java.time.ZoneOffset.UTC).instant())
                .isEqualTo(java.time.Instant.parse("2026-02-02T10:00:00Z"));
        assertThat(KnownAt.parse("2026-02-02T18:00:00+08:00", java.time.ZoneOffset.UTC).instant())
                .isEqualTo(java.time.Instant.parse("2026-02-02T10:00:00Z"));
        assertThat(KnownAt.parse(null, java.time.ZoneOffset.UTC).live()).isTrue();
    }
}
