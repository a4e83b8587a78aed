package org.registry.query.ledger.checkup;

import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.query.PageView;
import org.registry.query.api.AreaSql;
import org.registry.query.api.Paging;
import org.registry.query.api.Rates;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.residence.Residents;
import org.registry.query.document.LedgerExports;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The reads of the check-up ledger. */
@Component
class CheckUpQueries {

    private final NamedParameterJdbcTemplate jdbc;

    CheckUpQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CheckUpLedgerView ledger(Report report, Paging paging) {
        MapSqlParameterSource parameters = report.parameters()
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        long eligible = count(CheckUpLedger.eligible(report), parameters);
        long checked = count(CheckUpLedger.checked(report), parameters);
        long total = count(CheckUpLedger.notChecked(report), parameters);
        List<OutreachEntry> items = jdbc.query(outreach(report).page(OUTREACH_COLUMNS.formatted(
                report.knownAt().recorded("c")), OUTREACH_ORDER), parameters, outreachEntry(report));
        return new CheckUpLedgerView(report.area().code(), report.from(), report.to(), eligible, checked,
                Rates.percent(checked, eligible), new PageView<>(items, paging.page(), paging.size(), total));
    }

    /**
     * The outreach list of {@link #ledger}, all of it in the same order, one at a time as the rows arrive (a cursor,
     * {@link LedgerExports#cursor}): for downloads of any size.
     */
    void eachNotChecked(Report report, Consumer<OutreachEntry> entry) {
        RowMapper<OutreachEntry> mapper = outreachEntry(report);
        LedgerExports.cursor(jdbc).query(outreach(report).all(OUTREACH_COLUMNS.formatted(
                        report.knownAt().recorded("c")), OUTREACH_ORDER), report.parameters(),
                (RowCallbackHandler) rs -> entry.accept(mapper.mapRow(rs, 0)));
    }

    private static final String OUTREACH_COLUMNS = """
            s.person_id, n.name, n.national_id, s.birth_date, s.community_code, s.household_id,
            (SELECT MAX(c.check_date) FROM checkup_record c WHERE c.person_id = s.person_id
                 AND c.check_date <= :to AND %s) AS last_check_up_on""";
    private static final String OUTREACH_ORDER = "s.community_code, n.name, s.person_id";

    private static Selection outreach(Report report) {
        Selection notChecked = CheckUpLedger.notChecked(report);
        return new Selection(notChecked.from() + Residents.NAMES, notChecked.where());
    }

    private static RowMapper<OutreachEntry> outreachEntry(Report report) {
        return (rs, row) -> {
            LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
            return new OutreachEntry(rs.getObject("person_id", UUID.class), rs.getString("name"),
                    rs.getString("national_id"), birthDate, Period.between(birthDate, report.to()).getYears(),
                    rs.getString("community_code"), rs.getObject("household_id", UUID.class),
                    rs.getObject("last_check_up_on", LocalDate.class));
        };
    }

    /**
     * High-risk check-ups of persons living in the area on {@code asOf} that no later check-up (dated after it, up
     * to {@code asOf}) has followed up, due by {@code dueBy} when given; soonest due first.
     */
    PageView<FollowUpDue> followUps(AreaSql area, LocalDate asOf, LocalDate dueBy, Paging paging) {
        String from = "checkup_record c JOIN residence_segment s ON s.person_id = c.person_id AND "
                + Residents.on("asOf") + Residents.NAMES;
        String where = area.rows("s") + " AND " + Residents.LIVING + """
                 AND c.risk_level = 'HIGH' AND c.check_date <= :asOf
                 AND NOT EXISTS (SELECT 1 FROM checkup_record f WHERE f.person_id = c.person_id
                                 AND f.check_date > c.check_date AND f.check_date <= :asOf)""";
        if (dueBy != null) {
            where += " AND COALESCE(c.follow_up_due, c.check_date) <= :dueBy";
        }
        Selection selection = new Selection(from, where);
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource())
                .addValue("asOf", asOf)
                .addValue("dueBy", dueBy)
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        long total = count(selection, parameters);
        List<FollowUpDue> items = jdbc.query(selection.page("""
                        c.checkup_id, c.person_id, n.name, n.national_id, s.community_code, c.type, c.check_date,
                        c.facility, c.risk_level, COALESCE(c.follow_up_due, c.check_date) AS due""",
                "due, c.check_date, c.checkup_id"), parameters, (rs, row) -> {
            LocalDate due = rs.getObject("due", LocalDate.class);
            return new FollowUpDue(rs.getObject("checkup_id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getString("name"), rs.getString("national_id"), rs.getString("community_code"),
                    CheckUpType.valueOf(rs.getString("type")), rs.getObject("check_date", LocalDate.class),
                    rs.getString("facility"), RiskLevel.valueOf(rs.getString("risk_level")), due,
                    due.isBefore(asOf));
        });
        return new PageView<>(items, paging.page(), paging.size(), total);
    }

    private long count(Selection selection, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(selection.count(), parameters, Long.class);
        return count == null ? 0 : count;
    }
}
