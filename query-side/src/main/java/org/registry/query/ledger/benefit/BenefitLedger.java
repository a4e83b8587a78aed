package org.registry.query.ledger.benefit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitClaimRecertified;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Projection;
import org.registry.query.api.Report;
import org.registry.query.api.Selection;
import org.registry.query.api.ProjectionWrites;
import org.registry.query.api.RidingWrites;
import org.registry.query.residence.Residents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The benefit ledger (奖励扶助台账): claims with their stage, payments per claim and period (each with the area it was
 * paid in), and the claimants as the claims ledger and the public-notice board show them (name, ID, the area of their
 * household now). The selections below are the ledger's and the dashboard's alike.
 */
@Component
@ProcessingGroup(BenefitLedger.PROJECTION)
public class BenefitLedger implements Projection {

    @Override
    public List<String> tables() {
        return List.of("benefit_household", "benefit_person", "benefit_claim", "benefit_payment", "benefit_payment_tally");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of(
                "benefit_claim_granted",
                "benefit_claim_person",
                "benefit_claim_status",
                "benefit_payment_community",
                "benefit_payment_township",
                "benefit_payment_county",
                "benefit_payment_person",
                "benefit_payment_tally_township",
                "benefit_payment_tally_county",
                "benefit_person_community",
                "benefit_person_township",
                "benefit_person_county");
    }

    public static final String PROJECTION = "benefit-ledger";

    private final JdbcTemplate jdbc;

    BenefitLedger(@ProjectionWrites JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims granted on or before {@code to} and not ended by then, of recipients whose household was in the area
     * then (by the residence history: a claimant who moved since is counted where they lived on {@code to}).
     */
    public static Selection recipients(Report report) {
        KnownAt knownAt = report.knownAt();
        String claims = knownAt.live() ? "benefit_claim b"
                // as known then: granted by then, and ended only if the end was recorded by then
                : "(SELECT claim_id, person_id, programme, granted_on, CASE WHEN ended_recorded_at <= :knownAt"
                  + " THEN ended_on END AS ended_on FROM benefit_claim WHERE granted_recorded_at <= :knownAt) b";
        // a semi-join the database runs either way round: from the area's few segments for a community, claim by
        // claim through the person index for a county; as known at an instant, a probe of each table by person
        String lived = "s.person_id = b.person_id AND " + Residents.on("to") + " AND "
                + report.area().range("s.community_code");
        String where = "b.granted_on <= :to AND (b.ended_on IS NULL OR b.ended_on > :to) AND ";
        if (knownAt.live()) {
            return new Selection(claims, where + "EXISTS (SELECT 1 FROM residence_segment s WHERE " + lived + ")");
        }
        return new Selection(claims, where + "(EXISTS (SELECT 1 FROM residence_segment s WHERE " + lived
                + " AND s.recorded_at <= :knownAt) OR EXISTS (SELECT 1 FROM residence_segment_history s WHERE "
                + lived + " AND s.recorded_at <= :knownAt AND s.superseded_at > :knownAt))");
    }

    /** The community a claim's recipient lived in on {@code to}, for the lists. */
    public static String recipientCommunity(KnownAt knownAt) {
        return "(SELECT s.community_code FROM " + Residents.segments(knownAt) + " WHERE s.person_id = b.person_id AND "
                + Residents.on("to") + " FETCH FIRST 1 ROWS ONLY)";
    }

    /**
     * Payments for periods that begin in [from, to], of the area whose payment they were: the recipient's
     * household's area when the payment was recorded (the area whose payment run paid it). Recorded facts, so
     * as known at an instant they are the payments recorded by then.
     */
    public static Selection payments(Report report) {
        KnownAt knownAt = report.knownAt();
        return new Selection("benefit_payment p", report.area().rows("p") + " AND p.period_start BETWEEN :from AND :to"
                + " AND " + knownAt.recorded("p"));
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("INSERT INTO benefit_household (household_id, community_code) VALUES (?, ?)",
                event.householdId().value(), event.communityCode().value());
    }

    @EventHandler
    void on(HouseholdRelocated event) {
        requireOne(jdbc.update("UPDATE benefit_household SET community_code = ? WHERE household_id = ?",
                event.communityCode().value(), event.householdId().value()), "household " + event.householdId());
        CommunityCode community = event.communityCode();
        jdbc.update("""
                        UPDATE benefit_person SET community_code = ?, township_code = ?, county_code = ?
                        WHERE household_id = ?""",
                community.value(), community.township().value(), community.county().value(),
                event.householdId().value());
    }

    @EventHandler
    void on(PersonRegistered event) {
        insertPerson(event.personId(), event.name(), event.nationalId() == null ? null : event.nationalId().value(),
                event.householdId());
    }

    @EventHandler
    void on(BirthRegistered event) {
        insertPerson(event.personId(), event.name(), event.nationalId() == null ? null : event.nationalId().value(),
                event.householdId());
    }

    @EventHandler
    void on(PersonTransferred event) {
        moveTo(event.personId(), event.toHouseholdId());
    }

    @EventHandler
    void on(PersonMovedIn event) {
        moveTo(event.personId(), event.householdId());
    }

    @EventHandler
    void on(NationalIdAdded event) {
        updatePerson(event.personId(), "national_id = ?", event.nationalId().value());
    }

    @EventHandler
    void on(PersonDetailCorrected event) {
        // sex, birth date and ethnicity are not shown by the benefit ledger
        event.correction().handle(
                name -> updatePerson(event.personId(), "name = ?", name.newValue()),
                sex -> { },
                birthDate -> { },
                ethnicity -> { },
                nationalId -> updatePerson(event.personId(), "national_id = ?", nationalId.newValue().value()));
    }

    @EventHandler
    void on(BenefitClaimFiled event, @Timestamp Instant recordedAt) {
        jdbc.update("""
                        INSERT INTO benefit_claim (claim_id, person_id, programme, status, filed_on, open_objections,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?, 0, ?)""",
                event.claimId().value(), event.personId().value(), event.programme().name(),
                ClaimStatus.APPLIED.name(), event.filedOn(), instant(recordedAt));
    }

    /**
     * A grant an import brought in: granted from its day, shown as filed on the import day; the grant is known to the
     * ledger from when it was recorded, as a granted claim's.
     */
    @EventHandler
    void on(BenefitGrantImported event, @Timestamp Instant recordedAt) {
        jdbc.update("""
                        INSERT INTO benefit_claim (claim_id, person_id, programme, status, filed_on, open_objections,
                            granted_on, granted_recorded_at, recorded_at)
                        VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)""",
                event.claimId().value(), event.personId().value(), event.programme().name(),
                ClaimStatus.GRANTED.name(), event.importedOn(), event.grantedOn(), instant(recordedAt),
                instant(recordedAt));
    }

    @EventHandler
    void on(BenefitClaimApproved event) {
        ClaimStatus next = ClaimStatus.afterApprovalAt(event.stage());
        updateClaim(event.claimId(), "status = ?", next.name());
    }

    @EventHandler
    void on(BenefitClaimRejected event) {
        updateClaim(event.claimId(), "status = ?", ClaimStatus.REJECTED.name());
    }

    @EventHandler
    void on(PublicNoticeStarted event) {
        updateClaim(event.claimId(), "status = ?, notice_started_at = ?, notice_ends_at = ?",
                ClaimStatus.PUBLIC_NOTICE.name(), instant(event.startedAt()), instant(event.endsAt()));
    }

    @EventHandler
    void on(ObjectionRaised event) {
        updateClaim(event.claimId(), "status = ?, open_objections = open_objections + 1",
                ClaimStatus.OBJECTED.name());
    }

    /** A dismissed objection lets the notice go on once none is open; an upheld one is followed by the rejection. */
    @EventHandler
    void on(ObjectionResolved event) {
        if (event.upheld()) {
            updateClaim(event.claimId(), "open_objections = open_objections - 1");
        } else {
            // ClaimStatus.afterResolution in SQL: the right-hand sides see the values before the update, so 1 open
            // objection means this was the last
            updateClaim(event.claimId(), """
                            open_objections = open_objections - 1,
                            status = CASE WHEN open_objections = 1 AND status = 'OBJECTED' THEN ? ELSE status END""",
                    ClaimStatus.PUBLIC_NOTICE.name());
        }
    }

    @EventHandler
    void on(BenefitClaimGranted event, @Timestamp Instant recordedAt) {
        updateClaim(event.claimId(), "status = ?, granted_on = ?, granted_recorded_at = ?",
                ClaimStatus.GRANTED.name(), event.grantedOn(), instant(recordedAt));
    }

    /**
     * The payment and its month's tally, each one statement that takes the claim's programme and the recipient's area
     * from the ledger's rows, so a rebuild sends them with the batch's other writes instead of reading first
     * ({@code BatchingJdbcTemplate}). A payment whose claim or recipient is not in the ledger writes nothing and fails.
     */
    @EventHandler
    void on(BenefitPaid event, @Timestamp Instant recordedAt) {
        String record = "claim " + event.claimId() + " or its recipient " + event.personId();
        LocalDate periodStart = periodStart(event.period());
        requireOne(jdbc.update("""
                        INSERT INTO benefit_payment (claim_id, period, person_id, programme, amount, period_start,
                            paid_on, recorded_at, community_code, township_code, county_code)
                        SELECT c.claim_id, ?, p.person_id, c.programme, ?, CAST(? AS DATE), CAST(? AS DATE),
                            CAST(? AS TIMESTAMP WITH TIME ZONE), p.community_code, LEFT(p.community_code, 9),
                            LEFT(p.community_code, 6)
                        FROM benefit_claim c, benefit_person p WHERE c.claim_id = ? AND p.person_id = ?""",
                event.period(), event.amount(), periodStart, event.paidOn(), instant(recordedAt),
                event.claimId().value(), event.personId().value()), record);
        requireOne(jdbc.update("""
                        MERGE INTO benefit_payment_tally t
                        USING (SELECT p.community_code, c.programme, CAST(? AS DATE) AS period_start,
                                   CAST(? AS DECIMAL(14,2)) AS amount
                               FROM benefit_claim c, benefit_person p WHERE c.claim_id = ? AND p.person_id = ?) k
                        ON t.community_code = k.community_code AND t.programme = k.programme
                            AND t.period_start = k.period_start
                        WHEN MATCHED THEN UPDATE SET payments = t.payments + 1, amount = t.amount + k.amount
                        WHEN NOT MATCHED THEN INSERT (community_code, township_code, county_code, programme,
                            period_start, payments, amount)
                            VALUES (k.community_code, LEFT(k.community_code, 9), LEFT(k.community_code, 6),
                                k.programme, k.period_start, 1, k.amount)""",
                periodStart, event.amount(), event.claimId().value(), event.personId().value()), record);
    }

    @EventHandler
    void on(BenefitClaimRecertified event) {
        updateClaim(event.claimId(), "recertified_year = ?", event.year());
    }

    @EventHandler
    void on(BenefitClaimEnded event, @Timestamp Instant recordedAt) {
        updateClaim(event.claimId(), "status = ?, ended_on = ?, end_reason = ?, ended_recorded_at = ?",
                ClaimStatus.ENDED.name(), event.endedOn(), event.reason().name(), instant(recordedAt));
    }

    /** A record entered in error (an import taken back; it had no claim, or it could not be) leaves the ledger. */
    @EventHandler
    void on(PersonEnteredInError event) {
        jdbc.update("DELETE FROM benefit_person WHERE person_id = ?", event.personId().value());
    }

    @EventHandler
    void on(HouseholdEnteredInError event) {
        jdbc.update("DELETE FROM benefit_household WHERE household_id = ?", event.householdId().value());
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
        jdbc.update("DELETE FROM benefit_payment_tally");
        jdbc.update("DELETE FROM benefit_payment");
        jdbc.update("DELETE FROM benefit_claim");
        jdbc.update("DELETE FROM benefit_person");
        jdbc.update("DELETE FROM benefit_household");
    }

    /** The first day of a payment period: {@code 2026-03} is 2026-03-01, {@code 2026} is 2026-01-01. */
    static LocalDate periodStart(String period) {
        return period.length() == 4 ? Year.parse(period).atDay(1) : YearMonth.parse(period).atDay(1);
    }

    /** The person in their household's area, taken from the household's row by the insert itself (see BenefitPaid). */
    private void insertPerson(PersonId person, String name, String nationalId, HouseholdId household) {
        requireOne(jdbc.update("""
                        INSERT INTO benefit_person (person_id, name, national_id, household_id, community_code,
                            township_code, county_code)
                        SELECT ?, ?, ?, household_id, community_code, LEFT(community_code, 9), LEFT(community_code, 6)
                        FROM benefit_household WHERE household_id = ?""",
                person.value(), name, nationalId, household.value()), "household " + household);
    }

    private void moveTo(PersonId person, HouseholdId household) {
        CommunityCode community = communityOf(household);
        updatePerson(person, "household_id = ?, community_code = ?, township_code = ?, county_code = ?",
                household.value(), community.value(), community.township().value(), community.county().value());
    }

    private void updatePerson(PersonId person, String assignments, Object... values) {
        Object[] parameters = java.util.Arrays.copyOf(values, values.length + 1);
        parameters[values.length] = person.value();
        RidingWrites.updateOne(jdbc, "UPDATE benefit_person SET " + assignments + " WHERE person_id = ?", parameters);
    }

    private void updateClaim(ClaimId claim, String assignments, Object... values) {
        Object[] parameters = java.util.Arrays.copyOf(values, values.length + 1);
        parameters[values.length] = claim.value();
        RidingWrites.updateOne(jdbc, "UPDATE benefit_claim SET " + assignments + " WHERE claim_id = ?", parameters);
    }

    private CommunityCode communityOf(HouseholdId household) {
        return jdbc.queryForList("SELECT community_code FROM benefit_household WHERE household_id = ?", String.class,
                        household.value()).stream().findFirst().map(CommunityCode::new)
                .orElseThrow(() -> new IllegalStateException("household " + household + " is not in the ledger"));
    }

    private static OffsetDateTime instant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A handler that finds no row to update fails: a silently skipped fact would corrupt the ledger. */
    private static void requireOne(int rows, String record) {
        if (rows != 1) {
            throw new IllegalStateException(record + " is not in the benefit ledger");
        }
    }
}
