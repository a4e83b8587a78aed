package org.registry.kernel.dashboard;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.registry.kernel.benefit.Programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The indicators of an area for a period ({@code GET /api/dashboards/indicators}), counted by the day each fact
 * happened. Every rate carries its numerator and denominator beside it, has one decimal place (rounded half up),
 * and is null when its denominator is 0.
 *
 * @param knownAt the instant the figures are as known at; null for everything recorded so far
 */
public record IndicatorsView(String areaCode,
                             LocalDate from,
                             LocalDate to,
                             Instant knownAt,
                             Population population,
                             long households,
                             Births births,
                             long deaths,
                             SexRatio sexRatioAtBirth,
                             BirthRate birthRatePerMille,
                             DeathRate deathRatePerMille,
                             NaturalGrowthRate naturalGrowthRatePerMille,
                             Floating floating,
                             Women womenOfChildbearingAge,
                             Coverage checkUpCoverage,
                             Benefits benefits) {

    /** Living in the area on {@code from} and on {@code to}; {@code mean} = (start + end) / 2. */
    public record Population(long start, long end, BigDecimal mean) {
    }

    public record Births(long total, long male, long female, ByOrder byOrder) {
    }

    /** Births by the order of the child among its mother's live births. */
    public record ByOrder(@JsonProperty("1") long first,
                          @JsonProperty("2") long second,
                          @JsonProperty("3+") long thirdOrLater) {
    }

    /** Male births per 100 female births. */
    public record SexRatio(BigDecimal value, long male, long female) {
    }

    public record BirthRate(BigDecimal value, long births, BigDecimal meanPopulation) {
    }

    public record DeathRate(BigDecimal value, long deaths, BigDecimal meanPopulation) {
    }

    /** (births - deaths) per thousand of the mean population: the birth rate minus the death rate, rounded once. */
    public record NaturalGrowthRate(BigDecimal value, long births, long deaths, BigDecimal meanPopulation) {
    }

    /**
     * @param movedIn         floating residents who came to live in the area in the period (流入)
     * @param movedOut        residents of the area's register who moved away in the period (流出)
     * @param floatingInAtEnd floating residents living in the area on {@code to}
     */
    public record Floating(long movedIn, long movedOut, long floatingInAtEnd) {
    }

    /** Women aged 15 to 49 on {@code to} living in the area on {@code to}, and the married ones among them. */
    public record Women(long total, long married) {
    }

    /** Eligible (married) women with at least one check-up dated in the period, percent of the eligible. */
    public record Coverage(BigDecimal value, long checked, long eligible) {
    }

    /**
     * @param recipients claims granted and not ended on {@code to}
     * @param amountPaid paid for the periods that begin in [from, to], yuan
     */
    public record Benefits(long recipients,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
                           Map<Programme, ProgrammeBenefits> byProgramme) {
    }

    public record ProgrammeBenefits(long recipients,
                                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid) {
    }
}
