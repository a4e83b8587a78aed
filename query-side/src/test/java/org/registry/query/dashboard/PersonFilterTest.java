package org.registry.query.dashboard;

import org.junit.jupiter.api.Test;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.Sex;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonFilterTest {

    static final Selection LIVING = new Selection("residence_segment s", "s.valid_from <= :to");

    /**
     * The bounds a band's filter puts on birth dates select exactly the births the pyramid puts in that band, for
     * every birth date of a century and days to take the ages on around a leap day.
     */
    @Test
    void aBandsBirthDatesAreThoseThePyramidPutsInTheBand() {
        for (String day : List.of("2026-06-30", "2028-02-28", "2028-02-29", "2027-02-28", "2028-03-01")) {
            LocalDate on = LocalDate.parse(day);
            Report report = new Report(AreaSql.of(new AreaCode("330106")), on.minusMonths(6), on, KnownAt.LIVE);
            for (int band = 0; band < 18; band++) {
                int from = band * Pyramid.BAND_YEARS;
                Integer to = from >= Pyramid.OPEN_FROM ? null : from + Pyramid.BAND_YEARS - 1;
                MapSqlParameterSource parameters = new MapSqlParameterSource();
                new PersonFilter(Sex.FEMALE, from, to).narrow(LIVING, report, parameters);
                LocalDate bornBy = (LocalDate) parameters.getValue("bornByAgeFrom");
                LocalDate bornAfter = to == null ? null : (LocalDate) parameters.getValue("bornAfterAgeTo");
                for (LocalDate born = on.minusYears(100); !born.isAfter(on); born = born.plusDays(1)) {
                    boolean selected = !born.isAfter(bornBy) && (bornAfter == null || born.isAfter(bornAfter));
                    Pyramid pyramid = Pyramid.of(on, List.of(new Pyramid.Count(Sex.FEMALE, born, 1)));
                    assertThat(selected).as("born " + born + ", band " + from + " on " + on)
                            .isEqualTo(pyramid.bands().get(band).female() == 1);
                }
            }
        }
    }

    @Test
    void theFilterNarrowsTheFiguresSelectionAndNothingGivenNarrowsNothing() {
        Report report = new Report(AreaSql.of(new AreaCode("330106")), LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-06-30"), KnownAt.LIVE);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        assertThat(PersonFilter.NONE.narrow(LIVING, report, parameters)).isEqualTo(LIVING);
        assertThat(parameters.getParameterNames()).isEmpty();
        Selection men = new PersonFilter(Sex.MALE, null, null).narrow(LIVING, report, parameters);
        assertThat(men.where()).contains("s.sex = :filterSex").startsWith("(" + LIVING.where() + ")");
        assertThat(parameters.getValue("filterSex")).isEqualTo("MALE");
    }

    @Test
    void agesOutOfRangeOrBackwardsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new PersonFilter(null, -1, null)).isInstanceOf(RejectionException.class)
                .satisfies(e -> assertThat(((RejectionException) e).rejection().field()).isEqualTo("ageFrom"));
        assertThatThrownBy(() -> new PersonFilter(null, null, 151)).isInstanceOf(RejectionException.class)
                .satisfies(e -> assertThat(((RejectionException) e).rejection().field()).isEqualTo("ageTo"));
        assertThatThrownBy(() -> new PersonFilter(null, 30, 20)).isInstanceOf(RejectionException.class)
                .satisfies(e -> assertThat(((RejectionException) e).rejection().field()).isEqualTo("ageTo"));
    }
}
