package org.registry.query.dashboard;

import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The population pyramid of an area on a day: who lived there, by sex and by age on that day in five-year bands,
 * the last band open ({@code 85+}).
 *
 * @param on    the day the ages are taken on (the report's {@code to})
 * @param bands from the youngest up
 */
public record Pyramid(LocalDate on, List<Band> bands) {

    /** The width of a band, in years. */
    public static final int BAND_YEARS = 5;
    /** The first age of the open band at the top. */
    public static final int OPEN_FROM = 85;

    public Pyramid {
        bands = List.copyOf(bands);
    }

    /** @param label {@code 0-4}, {@code 5-9}... {@code 85+} */
    public record Band(String label, int fromAge, long male, long female) {
    }

    /** So many persons of one sex born on one day. */
    record Count(Sex sex, LocalDate birthDate, long persons) {
    }

    static Pyramid of(LocalDate on, List<Count> counts) {
        int bandCount = OPEN_FROM / BAND_YEARS + 1;
        long[] male = new long[bandCount];
        long[] female = new long[bandCount];
        for (Count count : counts) {
            int age = Math.max(0, Period.between(count.birthDate(), on).getYears());
            int band = Math.min(age / BAND_YEARS, bandCount - 1);
            if (count.sex() == Sex.MALE) {
                male[band] += count.persons();
            } else {
                female[band] += count.persons();
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < bandCount; i++) {
            int from = i * BAND_YEARS;
            String label = i == bandCount - 1 ? from + "+" : from + "-" + (from + BAND_YEARS - 1);
            bands.add(new Band(label, from, male[i], female[i]));
        }
        return new Pyramid(on, bands);
    }
}
