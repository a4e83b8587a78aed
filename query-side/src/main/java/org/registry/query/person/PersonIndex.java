package org.registry.query.person;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.ClaimView;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.CheckUpView;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonEvent;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.PersonView;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.platform.processing.EventPosition;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Paging;
import org.registry.query.api.Projection;
import org.registry.query.api.ProjectionWrites;
import org.registry.query.api.RidingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The person index: every person on the register with their identity, household, residency, parents,
 * check-ups and benefit claims, searchable by area, name, national ID and residency. The birth order is derived when read, from the mother's
 * children on the index, so a birth registered late takes its place among its siblings.
 */
@Component
@ProcessingGroup(PersonIndex.NAME)
class PersonIndex implements Projection {

    static final String NAME = "person-index";

    /**
     * The birth order is {@link BirthOrder}'s rule, computed in SQL over the index's rows (a sibling entered in error
     * has left them); PersonIndexHandlersTest pins that both agree.
     */
    private static final String SELECT = """
            SELECT p.*, CASE WHEN p.mother_id IS NULL THEN NULL ELSE 1 + (
                       SELECT COUNT(*) FROM person_index s
                       WHERE s.mother_id = p.mother_id AND s.person_id <> p.person_id
                         AND (s.birth_date < p.birth_date
                              OR (s.birth_date = p.birth_date AND s.registered_position < p.registered_position)))
                   END AS birth_order
            FROM person_index p""";

    private static final RowMapper<PersonView> VIEW = (rs, row) -> {
        String nationalId = rs.getString("national_id");
        String certificate = rs.getString("certificate_number");
        UUID household = rs.getObject("household_id", UUID.class);
        String relation = rs.getString("relation_to_head");
        UUID mother = rs.getObject("mother_id", UUID.class);
        UUID father = rs.getObject("father_id", UUID.class);
        Number birthOrder = (Number) rs.getObject("birth_order");
        return new PersonView(new PersonId(rs.getObject("person_id", UUID.class)),
                nationalId == null ? null : new NationalId(nationalId),
                rs.getString("name"),
                Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("ethnicity"),
                MaritalStatus.valueOf(rs.getString("marital_status")),
                Residency.valueOf(rs.getString("residency")),
                household == null ? null : new HouseholdId(household),
                relation == null ? null : RelationToHead.valueOf(relation),
                new CommunityCode(rs.getString("community_code")),
                rs.getObject("resident_since", LocalDate.class),
                rs.getString("origin"),
                certificate == null ? null
                        : new FloatingCertificate(certificate, rs.getObject("certificate_expiry", LocalDate.class)),
                mother == null ? null : new PersonId(mother),
                father == null ? null : new PersonId(father),
                birthOrder == null ? null : birthOrder.intValue(),
                rs.getObject("died_on", LocalDate.class),
                rs.getLong("version"),
                List.of(),
                List.of());
    };

    private final JdbcTemplate jdbc;

    PersonIndex(@ProjectionWrites JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("person_index_household", "person_index", "person_check_up", "person_claim");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of(
                "person_index_community",
                "person_index_township",
                "person_index_county",
                "person_index_name",
                "person_index_national_id",
                "person_index_mother");
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("INSERT INTO person_index_household (household_id, community_code) VALUES (?, ?)",
                event.householdId().value(), event.communityCode().value());
    }

    @EventHandler
    void on(HouseholdRelocated event) {
        requireOne(jdbc.update("UPDATE person_index_household SET community_code = ? WHERE household_id = ?",
                event.communityCode().value(), event.householdId().value()), "household " + event.householdId());
        CommunityCode community = event.communityCode();
        jdbc.update("""
                UPDATE person_index SET community_code = ?, township_code = ?, county_code = ?
                WHERE area_household_id = ?""",
                community.value(), community.township().value(), community.county().value(),
                event.householdId().value());
    }

    @EventHandler
    void on(HouseholdHeadChanged event) {
        if (event.previousHeadId() != null) {
            jdbc.update("UPDATE person_index SET relation_to_head = ? WHERE person_id = ? AND household_id = ?",
                    event.previousHeadRelation().name(), event.previousHeadId().value(), event.householdId().value());
        }
        requireOne(jdbc.update("UPDATE person_index SET relation_to_head = 'HEAD' WHERE person_id = ?",
                event.headId().value()), "person " + event.headId());
    }

    @EventHandler
    void on(PersonRegistered event, @SequenceNumber long version, @EventPosition long position) {
        FloatingCertificate certificate = event.certificate();
        insert(event.personId(), event.nationalId(), event.name(), event.sex(), event.birthDate(), event.ethnicity(),
                event.maritalStatus(), event.residency(), event.householdId(), event.relationToHead(),
                event.residentSince(), event.origin(), certificate, null, null, position, version);
    }

    @EventHandler
    void on(BirthRegistered event, @SequenceNumber long version, @EventPosition long position) {
        insert(event.personId(), event.nationalId(), event.name(), event.sex(), event.birthDate(), event.ethnicity(),
                MaritalStatus.SINGLE, event.residency(), event.householdId(), event.relationToHead(),
                event.birthDate(), null, null, event.motherId(), event.fatherId(), position, version);
    }

    @EventHandler
    void on(PersonDied event, @SequenceNumber long version) {
        update(event.personId(), version, """
                residency = 'DECEASED', died_on = ?, household_id = NULL, relation_to_head = NULL""", event.date());
    }

    @EventHandler
    void on(MaritalStatusRegistered event, @SequenceNumber long version) {
        update(event.personId(), version, "marital_status = ?", event.maritalStatus().name());
    }

    @EventHandler
    void on(NationalIdAdded event, @SequenceNumber long version) {
        update(event.personId(), version, "national_id = ?", event.nationalId().value());
    }

    @EventHandler
    void on(PersonDetailCorrected event, @SequenceNumber long version) {
        PersonId person = event.personId();
        event.correction().handle(
                name -> update(person, version, "name = ?", name.newValue()),
                sex -> update(person, version, "sex = ?", sex.newValue().name()),
                birthDate -> update(person, version, "birth_date = ?", birthDate.newValue()),
                ethnicity -> update(person, version, "ethnicity = ?", ethnicity.newValue()),
                nationalId -> update(person, version, "national_id = ?", nationalId.newValue().value()));
    }

    @EventHandler
    void on(PersonMovedOut event, @SequenceNumber long version) {
        update(event.personId(), version, event.leftHousehold()
                ? "residency = 'MOVED_OUT', household_id = NULL, relation_to_head = NULL"
                : "residency = 'MOVED_OUT'");
    }

    @EventHandler
    void on(PersonMovedIn event, @SequenceNumber long version) {
        CommunityCode community = communityOf(event.householdId());
        FloatingCertificate certificate = event.certificate();
        String relation = event.relationToHead() == null ? null : event.relationToHead().name();
        update(event.personId(), version, """
                        residency = ?, household_id = ?, area_household_id = ?,
                        relation_to_head = COALESCE(?, relation_to_head),
                        community_code = ?, township_code = ?, county_code = ?, resident_since = ?, origin = ?,
                        certificate_number = ?, certificate_expiry = ?""",
                event.residency().name(), event.householdId().value(), event.householdId().value(), relation,
                community.value(), community.township().value(), community.county().value(), event.date(),
                event.origin(), certificate == null ? null : certificate.number(),
                certificate == null ? null : certificate.expiry());
    }

    @EventHandler
    void on(PersonTransferred event, @SequenceNumber long version) {
        CommunityCode community = communityOf(event.toHouseholdId());
        update(event.personId(), version, """
                        household_id = ?, area_household_id = ?, relation_to_head = ?,
                        community_code = ?, township_code = ?, county_code = ?""",
                event.toHouseholdId().value(), event.toHouseholdId().value(), event.relationToHead().name(),
                community.value(), community.township().value(), community.county().value());
    }

    @EventHandler
    void on(CheckUpRecorded event, @SequenceNumber long version) {
        jdbc.update("""
                        INSERT INTO person_check_up (check_up_id, person_id, type, check_up_date, facility, result,
                                                     risk_level, notes, follow_up_due)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.checkUpId().value(), event.personId().value(), event.type().name(), event.date(),
                event.facility(), event.result().name(), event.riskLevel() == null ? null : event.riskLevel().name(),
                event.notes(), event.followUpDue());
        touch(event.personId(), version);
    }

    @EventHandler
    void on(BenefitClaimFiled event, @SequenceNumber long version) {
        jdbc.update("""
                        INSERT INTO person_claim (claim_id, person_id, programme, status, filed_on, open_objections,
                                                  paid_total)
                        VALUES (?, ?, ?, 'APPLIED', ?, 0, 0)""",
                event.claimId().value(), event.personId().value(), event.programme().name(), event.filedOn());
        touch(event.personId(), version);
    }

    /** A grant an import brought in: granted, shown as filed on the import day (see ClaimState.imported). */
    @EventHandler
    void on(BenefitGrantImported event, @SequenceNumber long version) {
        jdbc.update("""
                        INSERT INTO person_claim (claim_id, person_id, programme, status, filed_on, granted_on,
                                                  open_objections, paid_total)
                        VALUES (?, ?, ?, 'GRANTED', ?, ?, 0, 0)""",
                event.claimId().value(), event.personId().value(), event.programme().name(), event.importedOn(),
                event.grantedOn());
        touch(event.personId(), version);
    }

    @EventHandler
    void on(BenefitClaimApproved event, @SequenceNumber long version) {
        ClaimStatus status = ClaimStatus.afterApprovalAt(event.stage());
        claim(event.personId(), event.claimId(), version, "status = ?", status.name());
    }

    @EventHandler
    void on(BenefitClaimRejected event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, "status = 'REJECTED'");
    }

    @EventHandler
    void on(PublicNoticeStarted event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, "status = 'PUBLIC_NOTICE', notice_ends_at = ?",
                Timestamp.from(event.endsAt()));
    }

    @EventHandler
    void on(ObjectionRaised event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version,
                "status = 'OBJECTED', open_objections = open_objections + 1");
    }

    /** ClaimStatus.afterResolution in SQL (the right-hand sides see the row before the update). */
    @EventHandler
    void on(ObjectionResolved event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, """
                open_objections = open_objections - 1,
                status = CASE WHEN open_objections = 1 AND ? THEN 'PUBLIC_NOTICE' ELSE status END""",
                !event.upheld());
    }

    @EventHandler
    void on(BenefitClaimGranted event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, "status = 'GRANTED', granted_on = ?", event.grantedOn());
    }

    @EventHandler
    void on(BenefitPaid event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, "paid_total = paid_total + ?", event.amount());
    }

    @EventHandler
    void on(BenefitClaimEnded event, @SequenceNumber long version) {
        claim(event.personId(), event.claimId(), version, "status = 'ENDED', ended_on = ?, end_reason = ?",
                event.endedOn(), event.reason().name());
    }

    /** A record entered in error (an import taken back) leaves the index, with its check-ups and claims. */
    @EventHandler
    void on(PersonEnteredInError event) {
        jdbc.update("DELETE FROM person_check_up WHERE person_id = ?", event.personId().value());
        jdbc.update("DELETE FROM person_claim WHERE person_id = ?", event.personId().value());
        jdbc.update("DELETE FROM person_index WHERE person_id = ?", event.personId().value());
    }

    @EventHandler
    void on(HouseholdEnteredInError event) {
        jdbc.update("DELETE FROM person_index_household WHERE household_id = ?", event.householdId().value());
    }

    /** Facts the index shows nothing of (a parent's births, a notice's end) still change the person's version. */
    @EventHandler
    void on(PersonEvent event, @SequenceNumber long version) {
        touch(event.personId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM person_check_up");
        jdbc.update("DELETE FROM person_claim");
        jdbc.update("DELETE FROM person_index");
        jdbc.update("DELETE FROM person_index_household");
    }

    Optional<PersonView> find(PersonId id) {
        return jdbc.query(SELECT + " WHERE p.person_id = ?", VIEW, id.value()).stream().findFirst()
                   .map(person -> new PersonView(person.personId(), person.nationalId(), person.name(), person.sex(),
                           person.birthDate(), person.ethnicity(), person.maritalStatus(), person.residency(),
                           person.householdId(), person.relationToHead(), person.communityCode(),
                           person.residentSince(), person.origin(), person.certificate(), person.motherId(),
                           person.fatherId(), person.birthOrder(), person.diedOn(), person.version(),
                           checkUpsOf(id), claimsOf(id)));
    }

    private List<CheckUpView> checkUpsOf(PersonId id) {
        return jdbc.query("SELECT * FROM person_check_up WHERE person_id = ? ORDER BY check_up_date DESC, check_up_id",
                (rs, row) -> {
                    String risk = rs.getString("risk_level");
                    return new CheckUpView(new CheckUpId(rs.getObject("check_up_id", UUID.class)),
                            CheckUpType.valueOf(rs.getString("type")), rs.getObject("check_up_date", LocalDate.class),
                            rs.getString("facility"), CheckUpResult.valueOf(rs.getString("result")),
                            risk == null ? null : RiskLevel.valueOf(risk), rs.getString("notes"),
                            rs.getObject("follow_up_due", LocalDate.class));
                }, id.value());
    }

    private List<ClaimView> claimsOf(PersonId id) {
        return jdbc.query("SELECT * FROM person_claim WHERE person_id = ? ORDER BY filed_on, claim_id",
                (rs, row) -> {
                    Timestamp noticeEnds = rs.getTimestamp("notice_ends_at");
                    String endReason = rs.getString("end_reason");
                    return new ClaimView(new ClaimId(rs.getObject("claim_id", UUID.class)),
                            Programme.valueOf(rs.getString("programme")), ClaimStatus.valueOf(rs.getString("status")),
                            rs.getObject("filed_on", LocalDate.class),
                            noticeEnds == null ? null : noticeEnds.toInstant(),
                            rs.getObject("granted_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                            endReason == null ? null : EndReason.valueOf(endReason),
                            rs.getBigDecimal("paid_total").setScale(2));
                }, id.value());
    }

    /** A fact about a claim changes the claim and the person's version. */
    private void claim(PersonId person, ClaimId claim, long version, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 1];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = claim.value();
        RidingWrites.updateOne(jdbc, "UPDATE person_claim SET " + assignments + " WHERE claim_id = ?", parameters);
        touch(person, version);
    }

    /**
     * @param name      a prefix of the name
     * @param birthDate the day of birth, or null for any
     */
    PageView<PersonView> search(AreaFilter area, String name, NationalId nationalId, LocalDate birthDate,
                                Residency residency, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE ").append(area.sql());
        List<Object> parameters = new ArrayList<>(area.parameters());
        if (name != null && !name.isBlank()) {
            where.append(" AND p.name LIKE ?");
            parameters.add(name.strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (nationalId != null) {
            where.append(" AND p.national_id = ?");
            parameters.add(nationalId.value());
        }
        if (birthDate != null) {
            where.append(" AND p.birth_date = ?");
            parameters.add(birthDate);
        }
        if (residency != null) {
            where.append(" AND p.residency = ?");
            parameters.add(residency.name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM person_index p" + where, Long.class,
                parameters.toArray());
        parameters.add(paging.size());
        parameters.add(paging.offset());
        List<PersonView> items = jdbc.query(SELECT + where + " ORDER BY p.community_code, p.name, p.person_id"
                + " LIMIT ? OFFSET ?", VIEW, parameters.toArray());
        return new PageView<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    /**
     * Every person of the area, one at a time as the rows arrive (a cursor of {@code fetchSize} rows; on PostgreSQL
     * only inside a transaction), in the order of {@link #search}: for exports of any size.
     */
    void each(AreaFilter area, Residency residency, int fetchSize, java.util.function.Consumer<PersonView> person) {
        StringBuilder where = new StringBuilder(" WHERE ").append(area.sql());
        List<Object> parameters = new ArrayList<>(area.parameters());
        if (residency != null) {
            where.append(" AND p.residency = ?");
            parameters.add(residency.name());
        }
        String sql = SELECT + where + " ORDER BY p.community_code, p.name, p.person_id";
        jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql,
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> person.accept(VIEW.mapRow(rs, 0)));
    }

    private void insert(PersonId person, NationalId nationalId, String name, Sex sex, LocalDate birthDate,
                        String ethnicity, MaritalStatus maritalStatus, Residency residency, HouseholdId household,
                        RelationToHead relation, LocalDate residentSince, String origin,
                        FloatingCertificate certificate, PersonId mother, PersonId father, long position,
                        long version) {
        // the area from the household's row by the insert itself: a rebuild sends it with the batch's other writes
        requireOne(jdbc.update("""
                        INSERT INTO person_index (person_id, national_id, name, sex, birth_date, ethnicity,
                            marital_status, residency, household_id, relation_to_head, area_household_id,
                            community_code, township_code, county_code, resident_since, origin, certificate_number,
                            certificate_expiry, mother_id, father_id, registered_position, version)
                        SELECT ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, h.household_id, ?, h.household_id,
                            h.community_code, LEFT(h.community_code, 9), LEFT(h.community_code, 6), CAST(? AS DATE),
                            ?, ?, CAST(? AS DATE), CAST(? AS UUID), CAST(? AS UUID), ?, ?
                        FROM person_index_household h WHERE h.household_id = ?""",
                person.value(), nationalId == null ? null : nationalId.value(), name, sex.name(), birthDate,
                ethnicity, maritalStatus.name(), residency.name(), relation.name(), residentSince, origin,
                certificate == null ? null : certificate.number(), certificate == null ? null : certificate.expiry(),
                mother == null ? null : mother.value(), father == null ? null : father.value(), position, version,
                household.value()), "household " + household);
    }

    private void update(PersonId person, long version, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 2];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = version;
        parameters[values.length + 1] = person.value();
        RidingWrites.updateOne(jdbc, "UPDATE person_index SET " + assignments + ", version = ? WHERE person_id = ?",
                parameters);
    }

    /** A fact that changes only the person's records beside the index row still changes the person's version. */
    private void touch(PersonId person, long version) {
        RidingWrites.updateOne(jdbc, "UPDATE person_index SET version = ? WHERE person_id = ?", version,
                person.value());
    }

    private CommunityCode communityOf(HouseholdId household) {
        return jdbc.queryForList("SELECT community_code FROM person_index_household WHERE household_id = ?",
                        String.class, household.value())
                   .stream().findFirst().map(CommunityCode::new)
                   .orElseThrow(() -> new IllegalStateException("household " + household + " is not in the index"));
    }

    /** A handler that finds no row to update fails: a silently skipped fact would corrupt the index. */
    private static void requireOne(int rows, String record) {
        if (rows != 1) {
            throw new IllegalStateException(record + " is not in the person index");
        }
    }
}
