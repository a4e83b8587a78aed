package org.registry.query.residence;

import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;

/**
 * The residence history as SQL, for the reads built on it: who lived where on a day, who was born, died, came or
 * left in a period, and which households there were. Segments are read as {@code s}, household places as
 * {@code h}, the person's name and ID as {@code n}.
 *
 * <p>The definitions at the edges of an interval, once for all figures: a person lives in an area on day D when
 * their segment there began on or before D and had not ended by D ({@code valid_from <= D < valid_to}). So on the
 * day of a birth or a move in the person is counted; on the day of a death, a move away, or a transfer or
 * relocation out of the area, not any more (they are counted where they went, from that day).
 */
public final class Residents {

    /** The processing group of the residence history. */
    public static final String PROJECTION = "residence-history";

    static final String SEGMENT_COLUMNS = """
            id, person_id, household_id, community_code, township_code, county_code, residency, marital_status, sex, \
            birth_date, mother_id, registered_position, birth_order, valid_from, valid_to, entry_kind, entry_from_community, \
            exit_kind, exit_to_community, arrived_on, place, move_reason, certificate_number, certificate_expiry, \
            exit_place, recorded_at""";
    static final String PLACE_COLUMNS = """
            id, household_id, community_code, township_code, county_code, address, kind, household_number, \
            registered_on, valid_from, valid_to, recorded_at""";

    /** Counted in the population: living here, as a resident or a floating resident. */
    public static final String LIVING = "s.residency IN ('PERMANENT', 'FLOATING_IN')";

    private Residents() {
    }

    /** The segments as known at the instant, as {@code s}. */
    public static String segments(KnownAt knownAt) {
        return knownAt.versioned("residence_segment", SEGMENT_COLUMNS) + " s";
    }

    /** The household places as known at the instant, as {@code h}. */
    public static String places(KnownAt knownAt) {
        return knownAt.versioned("residence_place", PLACE_COLUMNS) + " h";
    }

    /** The join that gives each segment its person's current name and ID, as {@code n}. */
    public static final String NAMES = " JOIN residence_person n ON n.person_id = s.person_id";

    /** The segment covers the day in the named parameter. */
    public static String on(String day) {
        return "s.valid_from <= :" + day + " AND (s.valid_to IS NULL OR s.valid_to > :" + day + ")";
    }

    /** The segment covers the day in the column (of another table). */
    public static String onColumn(String column) {
        return "s.valid_from <= " + column + " AND (s.valid_to IS NULL OR s.valid_to > " + column + ")";
    }

    /**
     * The segment began with a move into the area: not a birth, and not the continuation of a stay in a
     * community inside the area (a transfer or relocation from a community of the same township is no move in
     * for the township). First registrations of residents already living here count as moves in on their
     * {@code residentSince}.
     */
    public static String enteredArea(AreaSql area) {
        return "s.entry_kind <> 'BIRTH' AND (s.entry_from_community IS NULL OR NOT "
                + area.contains("s.entry_from_community") + ")";
    }

    /** The segment ended with a move out of the area: not a death, and not a continuation inside the area. */
    public static String leftArea(AreaSql area) {
        return "s.exit_kind <> 'DEATH' AND (s.exit_to_community IS NULL OR NOT "
                + area.contains("s.exit_to_community") + ")";
    }

    /** Persons living in the area on the day in the named parameter. */
    public static Selection populationOn(Report report, String day) {
        return living(report, on(day));
    }

    /** Births in the area with a birth date in the period. */
    public static Selection births(Report report) {
        return living(report, "s.entry_kind = 'BIRTH' AND s.valid_from BETWEEN :from AND :to");
    }

    /** Deaths of persons living in the area, dated in the period. */
    public static Selection deaths(Report report) {
        return living(report, "s.exit_kind = 'DEATH' AND s.valid_to BETWEEN :from AND :to");
    }

    /** Every move into the area dated in the period: residents and floating residents, from anywhere outside it. */
    public static Selection movedIn(Report report) {
        return living(report, enteredArea(report.area()) + " AND s.valid_from BETWEEN :from AND :to");
    }

    /** Every move out of the area dated in the period: away from the register, or to a community outside it. */
    public static Selection movedOut(Report report) {
        return living(report, leftArea(report.area()) + " AND s.valid_to BETWEEN :from AND :to");
    }

    /** Women aged 15 to 49 on {@code to} who live in the area on {@code to}. */
    public static Selection womenOfChildbearingAge(Report report) {
        return living(report, on("to") + " AND s.sex = 'FEMALE' AND s.birth_date <= :bornBy"
                + " AND s.birth_date > :bornAfter");
    }

    /** Those of them married on {@code to}: the eligible group of reproductive-health check-ups. */
    public static Selection marriedWomenOfChildbearingAge(Report report) {
        return womenOfChildbearingAge(report).and("s.marital_status = 'MARRIED'");
    }

    /** Households registered in the area on {@code to} (of every kind), as {@code h}. */
    public static Selection households(Report report) {
        return new Selection(places(report.knownAt()), report.area().rows("h")
                + " AND h.valid_from <= :to AND (h.valid_to IS NULL OR h.valid_to > :to)");
    }

    /** Segments of the area (any residency) that meet a condition. */
    public static Selection segments(Report report, String condition) {
        return new Selection(segments(report.knownAt()), report.area().rows("s") + " AND " + condition);
    }

    private static Selection living(Report report, String condition) {
        return segments(report, LIVING + " AND " + condition);
    }

}
