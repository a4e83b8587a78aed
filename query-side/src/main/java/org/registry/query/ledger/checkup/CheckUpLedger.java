package org.registry.query.ledger.checkup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Projection;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.api.ProjectionWrites;
import org.registry.query.residence.Residents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The check-up ledger (健康检查台账): every check-up by the day it took place. Who is eligible comes from the
 * residence history; the selections below are the ledger's and the dashboard's alike.
 */
@Component
@ProcessingGroup(CheckUpLedger.PROJECTION)
public record CheckUpLedger(@ProjectionWrites JdbcTemplate jdbc) implements Projection {

    @Override
    public List<String> tables() {
        return List.of("checkup_record");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of(
                "checkup_record_date",
                "checkup_record_follow_up",
                "checkup_record_person");
    }

    public static final String PROJECTION = "checkup-ledger";

    @EventHandler
    void on(CheckUpRecorded event, @Timestamp Instant recordedAt) {
        jdbc.update("""
                        INSERT INTO checkup_record (checkup_id, person_id, type, check_date, facility, result,
                            risk_level, follow_up_due, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.checkUpId().value(), event.personId().value(), event.type().name(), event.date(),
                event.facility(), event.result().name(), event.riskLevel() == null ? null : event.riskLevel().name(),
                event.followUpDue(), recordedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Every other event: nothing to do, but handling it makes each batch store this projection's token, so a read
     * waiting for an event position ({@code X-Min-Event-Position}) sees it reached at once. A pooled processor stores
     * the token of a batch it cannot handle only when its claim is next extended (seconds later). Taken as the message,
     * so its payload is never deserialized.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        // deliberately nothing
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM checkup_record");
    }

    /** The eligible group: married women aged 15 to 49 on {@code to} who live in the area on {@code to}. */
    public static Selection eligible(Report report) {
        return Residents.marriedWomenOfChildbearingAge(report);
    }

    /** Eligible women with at least one check-up, of any type, dated in the period. */
    public static Selection checked(Report report) {
        return eligible(report).and("EXISTS (" + checkUpInPeriod(report.knownAt()) + ")");
    }

    /** Eligible women with no check-up dated in the period: the outreach list (未检人员名单). */
    public static Selection notChecked(Report report) {
        return eligible(report).and("NOT EXISTS (" + checkUpInPeriod(report.knownAt()) + ")");
    }

    /** A check-up of the woman {@code s} in the period: a semi-join the database runs once for all of them. */
    private static String checkUpInPeriod(KnownAt knownAt) {
        return "SELECT 1 FROM checkup_record c WHERE c.person_id = s.person_id AND c.check_date BETWEEN :from AND :to"
                + " AND " + knownAt.recorded("c");
    }
}
