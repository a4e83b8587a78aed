package org.registry.query.dashboard;

import org.junit.jupiter.api.Test;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PyramidTest {

    static final LocalDate ON = LocalDate.parse("2026-06-30");

    @Test
    void agesAreTakenOnTheDayInFiveYearBandsAndTheLastBandIsOpen() {
        Pyramid pyramid = Pyramid.of(ON, List.of(
                new Pyramid.Count(Sex.MALE, LocalDate.parse("2026-06-30"), 2),    // born that day: 0
                new Pyramid.Count(Sex.FEMALE, LocalDate.parse("2021-07-01"), 1),  // 4 until tomorrow
                new Pyramid.Count(Sex.FEMALE, LocalDate.parse("2021-06-30"), 3),  // 5 that day
                new Pyramid.Count(Sex.MALE, LocalDate.parse("1941-06-30"), 1),    // 85
                new Pyramid.Count(Sex.FEMALE, LocalDate.parse("1920-01-01"), 4))); // 106

        assertThat(pyramid.bands()).hasSize(18);
        assertThat(pyramid.bands().get(0)).isEqualTo(new Pyramid.Band("0-4", 0, 2, 1));
        assertThat(pyramid.bands().get(1)).isEqualTo(new Pyramid.Band("5-9", 5, 0, 3));
        assertThat(pyramid.bands().get(16)).isEqualTo(new Pyramid.Band("80-84", 80, 0, 0));
        assertThat(pyramid.bands().get(17)).isEqualTo(new Pyramid.Band("85+", 85, 1, 4));
        assertThat(pyramid.bands().stream().mapToLong(band -> band.male() + band.female()).sum()).isEqualTo(11);
    }
}
