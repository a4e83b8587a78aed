package org.registry.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.registry.kernel.report.MonthlyFiguresView;
import org.registry.kernel.report.MonthlyReportApproved;
import org.registry.kernel.report.MonthlyReportFiled;
import org.registry.kernel.report.MonthlyReportReturned;
import org.registry.kernel.report.MonthlyReportView;
import org.registry.kernel.report.ReportStatus;
import org.registry.query.api.Projection;
import org.registry.query.api.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The monthly reports: each area's report of a month as last filed, returned or approved. */
@Component
@ProcessingGroup(MonthlyReports.NAME)
class MonthlyReports implements Projection {

    static final String NAME = "monthly-reports";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    MonthlyReports(@ProjectionWrites JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // the figures' own JSON, as the events carry them (the web's strict mapper refuses a money string)
        this.json = JsonMapper.builder().findAndAddModules()
                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    @Override
    public List<String> tables() {
        return List.of("monthly_report");
    }

    @EventHandler
    void on(MonthlyReportFiled event, @Timestamp Instant recordedAt) {
        String figures = write(event.figures());
        OffsetDateTime at = recordedAt.atOffset(ZoneOffset.UTC);
        ReportStatus status = event.late() ? ReportStatus.LATE : ReportStatus.FILED;
        if (event.revision() == 1) {
            jdbc.update("""
                            INSERT INTO monthly_report (report_id, area_code, report_month, status, revision, due_on,
                                late, first_filed_on, filed_by, filed_on, filed_at, figures)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    event.reportId().toString(), event.reportId().areaCode().value(),
                    event.reportId().month().toString(), status.name(), event.revision(), event.dueOn(),
                    event.late(), event.filedOn(), event.filedBy(), event.filedOn(), at, figures);
            return;
        }
        // the report stays late (or on time) by its first filing; a refiling awaits a decision like the first
        requireOne(jdbc.update("""
                        UPDATE monthly_report SET status = CASE WHEN late THEN 'LATE' ELSE 'FILED' END, revision = ?,
                            filed_by = ?, filed_on = ?, filed_at = ?, figures = ?
                        WHERE report_id = ?""",
                event.revision(), event.filedBy(), event.filedOn(), at, figures, event.reportId().toString()),
                event.reportId().toString());
    }

    @EventHandler
    void on(MonthlyReportReturned event) {
        requireOne(jdbc.update("""
                        UPDATE monthly_report SET status = 'RETURNED', returned_revision = ?, return_reason = ?,
                            returned_by = ?, returned_on = ?
                        WHERE report_id = ?""",
                event.revision(), event.reason(), event.returnedBy(), event.returnedOn(),
                event.reportId().toString()), event.reportId().toString());
    }

    @EventHandler
    void on(MonthlyReportApproved event) {
        requireOne(jdbc.update("""
                        UPDATE monthly_report SET status = 'APPROVED', approved_by = ?, approved_on = ?
                        WHERE report_id = ?""",
                event.approvedBy(), event.approvedOn(), event.reportId().toString()), event.reportId().toString());
    }

    @ResetHandler
    void reset() {
        tables().forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    Optional<MonthlyReportView> find(String reportId) {
        return jdbc.query("SELECT * FROM monthly_report WHERE report_id = ?", view(), reportId).stream().findFirst();
    }

    /** The reports of a month of every area whose code starts with {@code prefix}. */
    List<MonthlyReportView> below(String prefix, YearMonth month) {
        return jdbc.query("SELECT * FROM monthly_report WHERE report_month = ? AND area_code LIKE ? ORDER BY area_code",
                view(), month.toString(), prefix + "%");
    }

    private RowMapper<MonthlyReportView> view() {
        return (rs, row) -> {
            Integer returnedRevision = (Integer) rs.getObject("returned_revision");
            Date approvedOn = rs.getDate("approved_on");
            return new MonthlyReportView(rs.getString("report_id"), rs.getString("area_code"),
                    YearMonth.parse(rs.getString("report_month")), ReportStatus.valueOf(rs.getString("status")),
                    rs.getInt("revision"), rs.getDate("due_on").toLocalDate(), rs.getBoolean("late"),
                    rs.getDate("first_filed_on").toLocalDate(), rs.getString("filed_by"),
                    rs.getDate("filed_on").toLocalDate(), rs.getObject("filed_at", OffsetDateTime.class).toInstant(),
                    returnedRevision == null ? null : new MonthlyReportView.Return(returnedRevision,
                            rs.getString("return_reason"), rs.getString("returned_by"),
                            rs.getDate("returned_on").toLocalDate()),
                    rs.getString("approved_by"), approvedOn == null ? null : approvedOn.toLocalDate(),
                    read(rs.getString("figures")));
        };
    }

    private String write(MonthlyFiguresView figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MonthlyFiguresView read(String figures) {
        try {
            return json.readValue(figures, MonthlyFiguresView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireOne(int rows, String report) {
        if (rows != 1) {
            throw new IllegalStateException("monthly report " + report + " is not in the projection (" + rows
                    + " rows)");
        }
    }
}
