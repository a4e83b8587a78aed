package org.registry.query.dashboard;

import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The records that entered or left a figure since an instant: the figure's own selection (the one its count and its
 * drill-down list read) as known at that instant and as known now, compared record by record. The figures' rules
 * stay in {@link Figure}; this only sets two of its lists side by side.
 */
@Component
public class FigureChanges {

    /** The most records listed on each side of one figure. */
    public static final int MAX_RECORDS = Paging.MAX_SIZE;

    /**
     * A record of a figure's list.
     *
     * @param recordType  {@code Person} or {@code Household}, as the audit trail names the streams
     * @param name        the person's name (as the register holds it now), or the household's address
     * @param households  for a person: the households of the rows that put them in the list (their facts may be
     *                    recorded on the household's stream: a relocation, a member joining)
     */
    public record ChangedRecord(String recordType, UUID recordId, String name, Set<UUID> households) {
    }

    /** The records listed now and not then ({@code entered}), and then but not now ({@code left}). */
    public record Changes(List<ChangedRecord> entered, List<ChangedRecord> left) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    FigureChanges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records of the figure of this name (as the API names it) that entered or left its list between the
     * report's {@code knownAt} and now.
     */
    public Changes since(String figureName, Report then) {
        Figure figure = Figure.of(figureName);
        Report now = new Report(then.area(), then.from(), then.to(), KnownAt.LIVE);
        // the live selection reads no :knownAt, so one set of parameters serves both
        MapSqlParameterSource parameters = then.parameters().addValue("limit", MAX_RECORDS);
        return new Changes(missing(figure, figure.selection(now), figure.selection(then), parameters),
                missing(figure, figure.selection(then), figure.selection(now), parameters));
    }

    /** The records of {@code listed} whose id is not among those of {@code other}. */
    private List<ChangedRecord> missing(Figure figure, Selection listed, Selection other,
                                        MapSqlParameterSource parameters) {
        Columns columns = Columns.of(figure.kind());
        String sql = "SELECT DISTINCT x.id, x.name, x.related FROM (SELECT " + columns.id + " AS id, " + columns.name
                + " AS name, " + columns.related + " AS related FROM " + listed.from() + columns.join
                + " WHERE " + listed.where() + ") x WHERE x.id NOT IN (SELECT " + columns.id + " FROM "
                + other.from() + " WHERE " + other.where() + ") ORDER BY x.name, x.id LIMIT :limit";
        Map<UUID, ChangedRecord> records = new LinkedHashMap<>();
        jdbc.query(sql, parameters, rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String name = rs.getString("name");
            ChangedRecord record = records.computeIfAbsent(id,
                    key -> new ChangedRecord(columns.recordType, key, name, new LinkedHashSet<>()));
            UUID related = rs.getObject("related", UUID.class);
            if (related != null) {
                record.households().add(related);
            }
        });
        return new ArrayList<>(records.values());
    }

    /** How the records of a kind of figure are named: their id, a name to show, and their households. */
    private record Columns(String recordType, String id, String name, String related, String join) {

        private static final String PERSON_NAMES = " LEFT JOIN residence_person n ON n.person_id = ";

        static Columns of(Figure.Kind kind) {
            return switch (kind) {
                case RESIDENT, FLOATING -> new Columns("Person", "s.person_id", "n.name", "s.household_id",
                        PERSON_NAMES + "s.person_id");
                case HOUSEHOLD -> new Columns("Household", "h.household_id", "h.address", "CAST(NULL AS UUID)", "");
                case RECIPIENT -> new Columns("Person", "b.person_id", "n.name", "CAST(NULL AS UUID)",
                        PERSON_NAMES + "b.person_id");
                case PAYMENT -> new Columns("Person", "p.person_id", "n.name", "CAST(NULL AS UUID)",
                        PERSON_NAMES + "p.person_id");
            };
        }
    }
}
