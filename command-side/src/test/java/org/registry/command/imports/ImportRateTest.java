package org.registry.command.imports;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRateTest {

    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void thePaceSoFarGivesTheRowsPerSecondAndTheTimeLeft() {
        Importer.Rate rate = Importer.Rate.of(250, 1000, START, START.plusSeconds(10));

        assertThat(rate.perSecond()).isEqualTo(25.0);
        assertThat(rate.secondsLeft()).isEqualTo(30);
    }

    @Test
    void beforeTheFirstRowTheTimeLeftIsUnknown() {
        Importer.Rate rate = Importer.Rate.of(0, 1000, START, START);

        assertThat(rate.perSecond()).isZero();
        assertThat(rate.secondsLeft()).isNull();
    }
}
