package org.registry.query.ledger.benefit;

import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.query.PageView;
import org.registry.query.api.AreaSql;
import org.registry.query.api.FigureReads;
import org.registry.query.api.Paging;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.document.LedgerExports;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The reads of the benefit ledger: payments with totals, recipients, claims by stage, the public-notice board. */
@Component
public class BenefitQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public BenefitQueries(@FigureReads NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The payments of the report's area for periods that begin in its [from, to] (and of one programme when given),
     * with their totals; {@code period} is only echoed, the period the caller named as [from, to].
     */
    public BenefitPaymentsView payments(Report report, Programme programme, String period, Paging paging) {
        Selection selection = payments(report, programme);
        MapSqlParameterSource parameters = parameters(report, paging).addValue("programme",
                programme == null ? null : programme.name());
        List<PaymentRow> items = jdbc.query(selection.page(PAYMENT_COLUMNS, PAYMENT_ORDER), parameters, PAYMENT);
        Map<Programme, BenefitPaymentsView.ProgrammeTotal> byProgramme = new EnumMap<>(Programme.class);
        jdbc.query("SELECT p.programme, COUNT(DISTINCT p.person_id) AS recipients, COALESCE(SUM(p.amount), 0) AS amount"
                        + " FROM " + selection.from() + " WHERE " + selection.where() + " GROUP BY p.programme",
                parameters, rs -> {
                    Programme each = Programme.valueOf(rs.getString("programme"));
                    byProgramme.put(each, new BenefitPaymentsView.ProgrammeTotal(each, rs.getLong("recipients"),
                            money(rs.getBigDecimal("amount"))));
                });
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS payments, COUNT(DISTINCT p.person_id)"
                + " AS recipients, COALESCE(SUM(p.amount), 0) AS amount FROM " + selection.from() + " WHERE "
                + selection.where(), parameters);
        return new BenefitPaymentsView(report.area().code(), programme, period, report.from(), report.to(), items,
                paging.page(), paging.size(), ((Number) totals.get("payments")).longValue(),
                new BenefitPaymentsView.Totals(((Number) totals.get("recipients")).longValue(),
                        money((BigDecimal) totals.get("amount")), new ArrayList<>(byProgramme.values())));
    }

    /**
     * The payments of {@link #payments}, all of them in the same order, one at a time as the rows arrive (a cursor,
     * {@link LedgerExports#cursor}): for downloads of any size.
     */
    public void eachPayment(Report report, Programme programme, Consumer<PaymentRow> payment) {
        LedgerExports.cursor(jdbc).query(payments(report, programme).all(PAYMENT_COLUMNS, PAYMENT_ORDER),
                report.parameters().addValue("programme", programme == null ? null : programme.name()),
                (RowCallbackHandler) rs -> payment.accept(PAYMENT.mapRow(rs, 0)));
    }

    private static final String PAYMENT_COLUMNS = """
            p.claim_id, p.person_id, n.name, n.national_id, p.programme, p.period, p.amount, p.paid_on,
            p.community_code""";
    private static final String PAYMENT_ORDER = "p.community_code, p.period_start, n.name, p.claim_id, p.period";
    private static final RowMapper<PaymentRow> PAYMENT = (rs, row) -> new PaymentRow(
            rs.getObject("claim_id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("name"),
            rs.getString("national_id"), Programme.valueOf(rs.getString("programme")), rs.getString("period"),
            money(rs.getBigDecimal("amount")), rs.getObject("paid_on", LocalDate.class),
            rs.getString("community_code"));

    /** The amount paid in the report's area and periods, by programme (every programme, zero when none). */
    public Map<Programme, BigDecimal> amountPaid(Report report) {
        Map<Programme, BigDecimal> amounts = new EnumMap<>(Programme.class);
        for (Programme programme : Programme.values()) {
            amounts.put(programme, money(BigDecimal.ZERO));
        }
        Selection selection = BenefitLedger.payments(report);
        // as the register knows it now, the tally kept with the payments holds the same sums
        String sql = report.knownAt().live()
                ? "SELECT t.programme, SUM(t.amount) AS amount FROM benefit_payment_tally t WHERE "
                  + report.area().rows("t") + " AND t.period_start BETWEEN :from AND :to GROUP BY t.programme"
                : "SELECT p.programme, SUM(p.amount) AS amount FROM " + selection.from() + " WHERE "
                  + selection.where() + " GROUP BY p.programme";
        jdbc.query(sql, report.parameters(), rs -> {
            amounts.put(Programme.valueOf(rs.getString("programme")), money(rs.getBigDecimal("amount")));
        });
        return amounts;
    }

    /** The recipients on the report's last day, by programme (every programme, zero when none). */
    public Map<Programme, Long> recipientsByProgramme(Report report) {
        Map<Programme, Long> counts = new EnumMap<>(Programme.class);
        for (Programme programme : Programme.values()) {
            counts.put(programme, 0L);
        }
        Selection selection = BenefitLedger.recipients(report);
        jdbc.query("SELECT b.programme, COUNT(*) AS recipients FROM " + selection.from() + " WHERE "
                + selection.where() + " GROUP BY b.programme", report.parameters(), rs -> {
            counts.put(Programme.valueOf(rs.getString("programme")), rs.getLong("recipients"));
        });
        return counts;
    }

    /** The recipients behind {@code benefits.recipients}, a page of them. */
    public PageView<RecipientRow> recipients(Report report, Paging paging) {
        Selection recipients = BenefitLedger.recipients(report);
        Selection selection = new Selection(recipients.from() + " JOIN benefit_person n ON n.person_id = b.person_id",
                recipients.where());
        MapSqlParameterSource parameters = parameters(report, paging);
        Long total = jdbc.queryForObject(selection.count(), parameters, Long.class);
        List<RecipientRow> items = jdbc.query(selection.page("""
                        b.claim_id, b.person_id, n.name, n.national_id, b.programme, b.granted_on, b.ended_on,
                        %s AS community_code""".formatted(BenefitLedger.recipientCommunity(report.knownAt())),
                "community_code, n.name, b.claim_id"), parameters,
                (rs, row) -> new RecipientRow(rs.getObject("claim_id", UUID.class),
                        rs.getObject("person_id", UUID.class), rs.getString("name"), rs.getString("national_id"),
                        Programme.valueOf(rs.getString("programme")), rs.getObject("granted_on", LocalDate.class),
                        rs.getObject("ended_on", LocalDate.class), rs.getString("community_code")));
        return new PageView<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    /** The payments behind {@code benefits.amountPaid}, a page of them. */
    public PageView<PaymentRow> paymentRows(Report report, Paging paging) {
        BenefitPaymentsView view = payments(report, null, null, paging);
        return new PageView<>(view.items(), view.page(), view.size(), view.total());
    }

    /** Claims of the area (by the claimant's household now), of a programme and at a stage when given. */
    BenefitClaimsView claims(AreaSql area, Programme programme, ClaimStatus status, Paging paging) {
        String from = "benefit_claim b JOIN benefit_person bp ON bp.person_id = b.person_id";
        String where = area.rows("bp") + (programme == null ? "" : " AND b.programme = :programme");
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource())
                .addValue("programme", programme == null ? null : programme.name())
                .addValue("status", status == null ? null : status.name())
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        Map<ClaimStatus, Long> byStatus = new LinkedHashMap<>();
        for (ClaimStatus each : ClaimStatus.values()) {
            byStatus.put(each, 0L);
        }
        jdbc.query("SELECT b.status, COUNT(*) AS claims FROM " + from + " WHERE " + where + " GROUP BY b.status",
                parameters, rs -> {
                    byStatus.put(ClaimStatus.valueOf(rs.getString("status")), rs.getLong("claims"));
                });
        Selection selection = new Selection(from, status == null ? where : where + " AND b.status = :status");
        Long total = jdbc.queryForObject(selection.count(), parameters, Long.class);
        List<ClaimRow> items = jdbc.query(selection.page("""
                        b.claim_id, b.person_id, bp.name, bp.national_id, b.programme, b.status, b.filed_on,
                        b.notice_ends_at, b.granted_on, b.ended_on, b.end_reason, bp.community_code,
                        (SELECT COALESCE(SUM(p.amount), 0) FROM benefit_payment p WHERE p.claim_id = b.claim_id)
                            AS paid_total""", "bp.community_code, b.filed_on, b.claim_id"), parameters,
                (rs, row) -> {
                    OffsetDateTime endsAt = rs.getObject("notice_ends_at", OffsetDateTime.class);
                    String reason = rs.getString("end_reason");
                    return new ClaimRow(rs.getObject("claim_id", UUID.class), rs.getObject("person_id", UUID.class),
                            rs.getString("name"), rs.getString("national_id"),
                            Programme.valueOf(rs.getString("programme")), ClaimStatus.valueOf(rs.getString("status")),
                            rs.getObject("filed_on", LocalDate.class), endsAt == null ? null : endsAt.toInstant(),
                            rs.getObject("granted_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                            reason == null ? null : EndReason.valueOf(reason), money(rs.getBigDecimal("paid_total")),
                            rs.getString("community_code"));
                });
        return new BenefitClaimsView(items, paging.page(), paging.size(), total == null ? 0 : total, byStatus);
    }

    /** Claims in their public notice now (on notice, or held by an objection), masked for everybody. */
    PageView<PublicNotice> notices(AreaSql area, Paging paging) {
        Selection selection = notices(area);
        MapSqlParameterSource parameters = area.bind(new MapSqlParameterSource())
                .addValue("limit", paging.size())
                .addValue("offset", paging.offset());
        Long total = jdbc.queryForObject(selection.count(), parameters, Long.class);
        List<PublicNotice> items = jdbc.query(selection.page(NOTICE_COLUMNS, NOTICE_ORDER), parameters, NOTICE);
        return new PageView<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    /** The board of {@link #notices}, all of it in the same order, masked the same, from a cursor. */
    void eachNotice(AreaSql area, Consumer<PublicNotice> notice) {
        LedgerExports.cursor(jdbc).query(notices(area).all(NOTICE_COLUMNS, NOTICE_ORDER),
                area.bind(new MapSqlParameterSource()), (RowCallbackHandler) rs -> notice.accept(NOTICE.mapRow(rs, 0)));
    }

    private static Selection notices(AreaSql area) {
        return new Selection("benefit_claim b JOIN benefit_person bp ON bp.person_id = b.person_id",
                area.rows("bp") + " AND b.status IN ('PUBLIC_NOTICE', 'OBJECTED')");
    }

    private static final String NOTICE_COLUMNS = """
            b.claim_id, b.programme, bp.name, bp.national_id, bp.community_code, b.status,
            b.notice_started_at, b.notice_ends_at, b.open_objections""";
    private static final String NOTICE_ORDER = "bp.community_code, b.notice_ends_at, b.claim_id";
    private static final RowMapper<PublicNotice> NOTICE = (rs, row) -> {
        OffsetDateTime startedAt = rs.getObject("notice_started_at", OffsetDateTime.class);
        OffsetDateTime endsAt = rs.getObject("notice_ends_at", OffsetDateTime.class);
        return new PublicNotice(rs.getObject("claim_id", UUID.class),
                Programme.valueOf(rs.getString("programme")), PublicNotice.maskName(rs.getString("name")),
                PublicNotice.maskNationalId(rs.getString("national_id")), rs.getString("community_code"),
                ClaimStatus.valueOf(rs.getString("status")),
                startedAt == null ? null : startedAt.toInstant(), endsAt == null ? null : endsAt.toInstant(),
                rs.getInt("open_objections"));
    };

    private static Selection payments(Report report, Programme programme) {
        Selection payments = BenefitLedger.payments(report);
        Selection selection = new Selection(payments.from() + " JOIN benefit_person n ON n.person_id = p.person_id",
                payments.where());
        return programme == null ? selection : selection.and("p.programme = :programme");
    }

    private static MapSqlParameterSource parameters(Report report, Paging paging) {
        return report.parameters().addValue("limit", paging.size()).addValue("offset", paging.offset());
    }

    /** Yuan with two places, as api.md writes money. */
    public static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
