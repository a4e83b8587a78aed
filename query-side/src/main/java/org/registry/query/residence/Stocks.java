package org.registry.query.residence;

import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many people (and floating residents, and households) an area had on given days, from the monthly tally rather
 * than by counting a county's million segments: the tally's months before each day's month, plus the segments
 * (places) that began in that month up to the day, less those that ended. It counts exactly the segments of
 * {@link Residents#populationOn} (and of the floating register, and the household places), since every row inserted
 * or superseded changes the tally in the same transaction.
 */
@Component
public class Stocks {

    /** Living in the area on a day; of them, floating residents; and the households registered there. */
    public record Stock(long living, long floating, long households) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public Stocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** As the register knows it now. */
    public List<Stock> on(AreaSql area, List<LocalDate> days) {
        return on(area, days, KnownAt.LIVE);
    }

    /**
     * As the register knew it at an instant: the tally (which is of the current rows) less the current rows
     * recorded after the instant, plus the rows superseded after it that were current then. A report reproduced as
     * filed a few days ago reads few of either.
     */
    public List<Stock> on(AreaSql area, List<LocalDate> days, KnownAt knownAt) {
        List<Stock> stocks = tallied(area, days);
        if (knownAt.live()) {
            return stocks;
        }
        List<Stock> unknownThen = counted(area, days, knownAt, "residence_segment s WHERE s.recorded_at > :knownAt",
                "residence_place h WHERE h.recorded_at > :knownAt");
        List<Stock> replacedSince = counted(area, days, knownAt, "residence_segment_history s WHERE s.recorded_at <= "
                + ":knownAt AND s.superseded_at > :knownAt", "residence_place_history h WHERE h.recorded_at <= "
                + ":knownAt AND h.superseded_at > :knownAt");
        List<Stock> known = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Stock now = stocks.get(i);
            Stock less = unknownThen.get(i);
            Stock more = replacedSince.get(i);
            known.add(new Stock(now.living() - less.living() + more.living(),
                    now.floating() - less.floating() + more.floating(),
                    now.households() - less.households() + more.households()));
        }
        return known;
    }

    /** Who lived there on each day, counted from the rows of a table (and its places) that meet a condition. */
    private List<Stock> counted(AreaSql area, List<LocalDate> days, KnownAt knownAt, String segments,
                                String places) {
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource())
                .addValue(KnownAt.PARAMETER, knownAt.parameter());
        List<String> persons = new ArrayList<>();
        List<String> households = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            parameters.addValue("day" + i, days.get(i));
            persons.add("SUM(CASE WHEN " + Residents.on("day" + i) + " THEN 1 ELSE 0 END) AS living_" + i);
            persons.add("SUM(CASE WHEN s.residency = 'FLOATING_IN' AND " + Residents.on("day" + i)
                    + " THEN 1 ELSE 0 END) AS floating_" + i);
            households.add("SUM(CASE WHEN h.valid_from <= :day" + i + " AND (h.valid_to IS NULL OR h.valid_to > :day"
                    + i + ") THEN 1 ELSE 0 END) AS households_" + i);
        }
        Map<String, Object> people = jdbc.queryForMap("SELECT " + String.join(", ", persons) + " FROM " + segments
                + " AND " + area.rows("s") + " AND " + Residents.LIVING, parameters);
        Map<String, Object> homes = jdbc.queryForMap("SELECT " + String.join(", ", households) + " FROM " + places
                + " AND " + area.rows("h"), parameters);
        List<Stock> stocks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            stocks.add(new Stock(number(people, "living_" + i), number(people, "floating_" + i),
                    number(homes, "households_" + i)));
        }
        return stocks;
    }

    private List<Stock> tallied(AreaSql area, List<LocalDate> days) {
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource());
        // a township or a county: its own tally, by year and by month; anything else, its communities' by month
        String tallied = area.tallied();
        List<String> tally = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> personRanges = new ArrayList<>();
        List<String> placeRanges = new ArrayList<>();
        LocalDate last = null;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            boolean monthEnd = monthEnd(day);
            LocalDate bound = bound(day);
            last = last == null || bound.isAfter(last) ? bound : last;
            parameters.addValue("bound" + i, bound).addValue("year" + i, bound.withDayOfYear(1))
                      .addValue("first" + i, day.withDayOfMonth(1)).addValue("day" + i, day);
            String before = tallied == null ? "t.month_start < :bound" + i : before(i);
            tally.add("SUM(CASE WHEN " + before + " AND t.subject <> 'HOUSEHOLD' THEN t.change ELSE 0 END)"
                    + " AS living_" + i);
            tally.add("SUM(CASE WHEN " + before + " AND t.subject = 'FLOATING_IN' THEN t.change ELSE 0 END)"
                    + " AS floating_" + i);
            tally.add("SUM(CASE WHEN " + before + " AND t.subject = 'HOUSEHOLD' THEN t.change ELSE 0 END)"
                    + " AS households_" + i);
            if (!monthEnd) {
                String began = "s.valid_from BETWEEN :first" + i + " AND :day" + i;
                String ended = "s.valid_to BETWEEN :first" + i + " AND :day" + i;
                persons.add("SUM(CASE WHEN " + began + " THEN 1 ELSE 0 END) - SUM(CASE WHEN " + ended
                        + " THEN 1 ELSE 0 END) AS living_" + i);
                persons.add("SUM(CASE WHEN s.residency = 'FLOATING_IN' AND " + began
                        + " THEN 1 ELSE 0 END) - SUM(CASE WHEN s.residency = 'FLOATING_IN' AND " + ended
                        + " THEN 1 ELSE 0 END) AS floating_" + i);
                personRanges.add("(" + began + ")");
                personRanges.add("(" + ended + ")");
                String opened = "h.valid_from BETWEEN :first" + i + " AND :day" + i;
                String closed = "h.valid_to BETWEEN :first" + i + " AND :day" + i;
                places.add("SUM(CASE WHEN " + opened + " THEN 1 ELSE 0 END) - SUM(CASE WHEN " + closed
                        + " THEN 1 ELSE 0 END) AS households_" + i);
                placeRanges.add("(" + opened + ")");
                placeRanges.add("(" + closed + ")");
            }
        }
        parameters.addValue("last", last).addValue("tallied", tallied);
        Map<String, Object> months = jdbc.queryForMap("SELECT " + String.join(", ", tally) + (tallied == null
                ? " FROM residence_tally t WHERE " + area.rows("t") + " AND t.month_start < :last"
                : " FROM residence_area_tally t WHERE t.area_code = :tallied AND t.subject IN ('PERMANENT',"
                  + " 'FLOATING_IN', 'HOUSEHOLD') AND t.birth_year = 0 AND t.period_start < :last"), parameters);
        Map<String, Object> ownDays = persons.isEmpty() ? Map.of() : jdbc.queryForMap("SELECT "
                + String.join(", ", persons) + " FROM residence_segment s WHERE " + area.rows("s") + " AND "
                + Residents.LIVING + " AND (" + String.join(" OR ", personRanges) + ")", parameters);
        Map<String, Object> ownPlaces = places.isEmpty() ? Map.of() : jdbc.queryForMap("SELECT "
                + String.join(", ", places) + " FROM residence_place h WHERE " + area.rows("h") + " AND ("
                + String.join(" OR ", placeRanges) + ")", parameters);
        List<Stock> stocks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            stocks.add(new Stock(number(months, "living_" + i) + number(ownDays, "living_" + i),
                    number(months, "floating_" + i) + number(ownDays, "floating_" + i),
                    number(months, "households_" + i) + number(ownPlaces, "households_" + i)));
        }
        return stocks;
    }

    private static boolean monthEnd(LocalDate day) {
        return day.equals(day.withDayOfMonth(day.lengthOfMonth()));
    }

    /**
     * The first month a day's stock leaves out of the tally: a day that ends its month is its month's tally, any
     * other day the months before and its own days.
     */
    private static LocalDate bound(LocalDate day) {
        return monthEnd(day) ? day.plusDays(1) : day.withDayOfMonth(1);
    }

    /**
     * Rows of the area tally of the months before {@code :bound<i>}: the years before its year, and its year's months
     * before it.
     */
    private static String before(int i) {
        return "((t.span = 'YEAR' AND t.period_start < :year" + i + ") OR (t.span = 'MONTH' AND t.period_start >= :year"
                + i + " AND t.period_start < :bound" + i + "))";
    }

    /** Living women of an age on a day, and the married among them. */
    public record Women(long all, long married) {
    }

    /**
     * The women who lived in a county (a {@link AreaSql#tallied} area of 6 digits) on a day, born in
     * (bornAfter, bornBy], and the married among them, as the register knows it now: the years of birth wholly inside
     * from the area tally (as the stocks), the days of the two years at the edges from the segments. They are the
     * segments of {@link Residents#womenOfChildbearingAge} and {@link Residents#marriedWomenOfChildbearingAge}, without
     * reading a county's two hundred thousand. Empty for other areas, or a range holding no whole year.
     */
    public Optional<Women> women(AreaSql area, LocalDate day, LocalDate bornAfter, LocalDate bornBy) {
        String county = area.tallied() != null && area.tallied().length() == 6 ? area.tallied() : null;
        LocalDate firstBorn = bornAfter.plusDays(1);
        int fromYear = firstBorn.getDayOfYear() == 1 ? firstBorn.getYear() : firstBorn.getYear() + 1;
        int toYear = bornBy.plusDays(1).getDayOfYear() == 1 ? bornBy.getYear() : bornBy.getYear() - 1;
        if (county == null || fromYear > toYear) {
            return Optional.empty();
        }
        boolean monthEnd = monthEnd(day);
        LocalDate bound = bound(day);
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource())
                .addValue("tallied", county).addValue("fromYear", fromYear).addValue("toYear", toYear)
                .addValue("bound0", bound).addValue("year0", bound.withDayOfYear(1))
                .addValue("first", day.withDayOfMonth(1)).addValue("day", day)
                .addValue("bornAfter", bornAfter).addValue("bornBy", bornBy)
                .addValue("interiorFrom", LocalDate.of(fromYear, 1, 1))
                .addValue("interiorTo", LocalDate.of(toYear, 12, 31));
        Map<String, Object> tally = jdbc.queryForMap("""
                SELECT SUM(CASE WHEN t.subject = 'WOMEN' THEN t.change ELSE 0 END) AS women,
                    SUM(CASE WHEN t.subject = 'MARRIED_WOMEN' THEN t.change ELSE 0 END) AS married
                FROM residence_area_tally t
                WHERE t.area_code = :tallied AND t.subject IN ('WOMEN', 'MARRIED_WOMEN')
                    AND t.birth_year BETWEEN :fromYear AND :toYear AND""" + " " + before(0), parameters);
        String women = "residence_segment s WHERE " + area.rows("s") + " AND " + Residents.LIVING
                + " AND s.sex = 'FEMALE' AND ";
        String married = "CASE WHEN s.marital_status = 'MARRIED' THEN 1 ELSE 0 END";
        // each edge its own range of the women's index
        Map<String, Object> edges = jdbc.queryForMap("SELECT COUNT(*) AS women, SUM(married) AS married FROM ("
                + "SELECT " + married + " AS married FROM " + women + Residents.on("day")
                + " AND s.birth_date > :bornAfter AND s.birth_date < :interiorFrom UNION ALL SELECT " + married
                + " FROM " + women + Residents.on("day") + " AND s.birth_date > :interiorTo"
                + " AND s.birth_date <= :bornBy) e", parameters);
        Map<String, Object> ownDays = monthEnd ? Map.of() : jdbc.queryForMap("SELECT "
                + "SUM(CASE WHEN s.valid_from BETWEEN :first AND :day THEN 1 ELSE 0 END)"
                + " - SUM(CASE WHEN s.valid_to BETWEEN :first AND :day THEN 1 ELSE 0 END) AS women, "
                + "SUM(CASE WHEN s.valid_from BETWEEN :first AND :day THEN " + married + " ELSE 0 END)"
                + " - SUM(CASE WHEN s.valid_to BETWEEN :first AND :day THEN " + married + " ELSE 0 END) AS married"
                + " FROM " + women + "s.birth_date BETWEEN :interiorFrom AND :interiorTo"
                + " AND (s.valid_from BETWEEN :first AND :day OR s.valid_to BETWEEN :first AND :day)", parameters);
        return Optional.of(new Women(
                number(tally, "women") + number(edges, "women") + number(ownDays, "women"),
                number(tally, "married") + number(edges, "married") + number(ownDays, "married")));
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
