package org.registry.query.ledger.floating;

import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.query.api.Paging;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.document.LedgerExports;
import org.registry.query.residence.Residents;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The floating-population register (流动人口台账), read from the residence history: the inflow (floating residents
 * living here, with origin and certificate) and the outflow (residents of the register living elsewhere, with
 * destination). As of a day, it lists who was in the register on that day by the business dates, in the area
 * their household was in on that day; over a period, the moves of the period, which are the dashboard's
 * {@code floating.movedIn} and {@code floating.movedOut}.
 */
@Component
public class FloatingRegister {

    /** How soon a certificate counts as expiring, unless the reader asks for another window. */
    public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 30;

    private static final String COLUMNS = """
            s.person_id, n.name, n.national_id, s.sex, s.birth_date, s.residency, s.community_code, s.household_id,
            s.arrived_on, s.valid_to, s.exit_kind, s.place, s.exit_place, s.move_reason, s.certificate_number,
            s.certificate_expiry""";
    private static final String ORDER = "s.community_code, s.arrived_on, n.name, s.person_id, s.valid_from, s.id";

    private final NamedParameterJdbcTemplate jdbc;

    public FloatingRegister(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Floating residents who came to live in the area in the period (流入), from outside it. */
    public static Selection inflow(Report report) {
        return Residents.segments(report, "s.residency = 'FLOATING_IN' AND " + Residents.enteredArea(report.area())
                + " AND s.valid_from BETWEEN :from AND :to");
    }

    /** Residents of the area's register who moved away in the period (流出). */
    public static Selection outflow(Report report) {
        return Residents.segments(report, "s.residency = 'MOVED_OUT' AND s.entry_kind = 'DEPARTURE'"
                + " AND s.valid_from BETWEEN :from AND :to");
    }

    /** Floating residents living in the area on {@code to}. */
    public static Selection floatingOn(Report report) {
        return Residents.segments(report, "s.residency = 'FLOATING_IN' AND " + Residents.on("to"));
    }

    /** Residents of the area's register living elsewhere on {@code to}. */
    public static Selection awayOn(Report report) {
        return Residents.segments(report, "s.residency = 'MOVED_OUT' AND " + Residents.on("to"));
    }

    /**
     * @param asOf        list who was in the register on this day; or, when {@code period} is true, the
     *                    report's period is the moves' period
     * @param certificate IN only: only entries whose certificate has this status on the report's last day
     */
    public PageView<FloatingEntry> entries(Report report, Direction direction, boolean period,
                                           CertificateStatus certificate, int expiryWindowDays, Paging paging) {
        Selection selection = selection(report, direction, period, certificate);
        MapSqlParameterSource parameters = parameters(report, expiryWindowDays)
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        Long total = jdbc.queryForObject(selection.count(), parameters, Long.class);
        List<FloatingEntry> items = jdbc.query(selection.page(COLUMNS, ORDER), parameters,
                rowMapper(direction, report.to(), report.to().plusDays(expiryWindowDays)));
        return new PageView<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    /**
     * The entries of {@link #entries}, all of them in the same order, one at a time as the rows arrive (a cursor,
     * {@link LedgerExports#cursor}): for downloads of any size.
     */
    public void each(Report report, Direction direction, boolean period, CertificateStatus certificate,
                     int expiryWindowDays, Consumer<FloatingEntry> entry) {
        Selection selection = selection(report, direction, period, certificate);
        RowMapper<FloatingEntry> mapper = rowMapper(direction, report.to(),
                report.to().plusDays(expiryWindowDays));
        LedgerExports.cursor(jdbc).query(selection.all(COLUMNS, ORDER),
                parameters(report, expiryWindowDays), (RowCallbackHandler) rs -> entry.accept(mapper.mapRow(rs, 0)));
    }

    private static Selection selection(Report report, Direction direction, boolean period,
                                       CertificateStatus certificate) {
        Selection selection = direction == Direction.IN
                ? (period ? inflow(report) : floatingOn(report))
                : (period ? outflow(report) : awayOn(report));
        if (certificate != null) {
            selection = selection.and(status(certificate));
        }
        return new Selection(selection.from() + Residents.NAMES, selection.where());
    }

    private static MapSqlParameterSource parameters(Report report, int expiryWindowDays) {
        return report.parameters().addValue("expiringBy", report.to().plusDays(expiryWindowDays));
    }

    private static RowMapper<FloatingEntry> rowMapper(Direction direction, LocalDate day, LocalDate expiringBy) {
        return (rs, row) -> {
            boolean in = direction == Direction.IN;
            String exit = rs.getString("exit_kind");
            boolean ended = exit != null && !exit.equals("TRANSFER") && !exit.equals("RELOCATION")
                    && !exit.equals("CHANGE");
            LocalDate expiry = rs.getObject("certificate_expiry", LocalDate.class);
            String reason = rs.getString("move_reason");
            return new FloatingEntry(rs.getObject("person_id", UUID.class), rs.getString("name"),
                    rs.getString("national_id"), Sex.valueOf(rs.getString("sex")),
                    rs.getObject("birth_date", LocalDate.class), direction, rs.getString("community_code"),
                    rs.getObject("household_id", UUID.class), rs.getObject("arrived_on", LocalDate.class),
                    ended ? rs.getObject("valid_to", LocalDate.class) : null,
                    in ? rs.getString("place") : null,
                    in ? rs.getString("exit_place") : rs.getString("place"),
                    reason == null ? null : MoveReason.valueOf(reason),
                    rs.getString("certificate_number"), expiry,
                    in ? statusOf(expiry, day, expiringBy) : null);
        };
    }

    /** The certificate status as SQL, relative to {@code :to} and {@code :expiringBy}; the same as {@link #statusOf}. */
    static String status(CertificateStatus status) {
        return switch (status) {
            case NONE -> "s.certificate_expiry IS NULL";
            case EXPIRED -> "s.certificate_expiry < :to";
            case EXPIRING -> "s.certificate_expiry BETWEEN :to AND :expiringBy";
            case VALID -> "s.certificate_expiry > :expiringBy";
        };
    }

    static CertificateStatus statusOf(LocalDate expiry, LocalDate day, LocalDate expiringBy) {
        if (expiry == null) {
            return CertificateStatus.NONE;
        }
        if (expiry.isBefore(day)) {
            return CertificateStatus.EXPIRED;
        }
        return expiry.isAfter(expiringBy) ? CertificateStatus.VALID : CertificateStatus.EXPIRING;
    }
}
