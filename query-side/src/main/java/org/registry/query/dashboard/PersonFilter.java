package org.registry.query.dashboard;

import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.Sex;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A narrowing of a figure of persons to one sex and ages (on the report's {@code to}, in whole years, as the
 * population pyramid takes them): the records behind one bar of the pyramid. Nothing given narrows nothing.
 *
 * @param ageFrom the youngest age, inclusive
 * @param ageTo   the oldest age, inclusive
 */
public record PersonFilter(Sex sex, Integer ageFrom, Integer ageTo) {

    /** The oldest age a filter may name. */
    static final int MAX_AGE = 150;

    public static final PersonFilter NONE = new PersonFilter(null, null, null);

    public PersonFilter {
        age("ageFrom", ageFrom);
        age("ageTo", ageTo);
        if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
            throw RejectionException.invalid("ageTo", "VALIDATION_FAILED", "ageTo is before ageFrom");
        }
    }

    private static void age(String field, Integer age) {
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED",
                    "an age is a whole number of years from 0 to " + MAX_AGE);
        }
    }

    boolean none() {
        return sex == null && ageFrom == null && ageTo == null;
    }

    /**
     * The figure's selection narrowed, its parameters added: aged at least {@code ageFrom} on {@code to} means born
     * on or before {@code to} less that many years, at most {@code ageTo} born after {@code to} less one year more.
     */
    Selection narrow(Selection selection, Report report, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (sex != null) {
            conditions.add("s.sex = :filterSex");
            parameters.addValue("filterSex", sex.name());
        }
        if (ageFrom != null) {
            conditions.add("s.birth_date <= :bornByAgeFrom");
            parameters.addValue("bornByAgeFrom", report.to().minusYears(ageFrom));
        }
        if (ageTo != null) {
            conditions.add("s.birth_date > :bornAfterAgeTo");
            parameters.addValue("bornAfterAgeTo", report.to().minusYears(ageTo + 1L));
        }
        return conditions.isEmpty() ? selection : selection.and(String.join(" AND ", conditions));
    }
}
