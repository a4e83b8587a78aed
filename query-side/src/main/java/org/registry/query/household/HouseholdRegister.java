package org.registry.query.household;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.ResidencyChange;
import org.registry.kernel.query.PageView;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Paging;
import org.registry.query.api.Projection;
import org.registry.query.api.ProjectionWrites;
import org.registry.query.api.RidingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The household register (户籍册): every household, where it is, its members (each with where they live: here, moved
 * away, deceased, and since when) and its version.
 */
@Component
@ProcessingGroup(HouseholdRegister.NAME)
class HouseholdRegister implements Projection {

    static final String NAME = "household-register";

    private static final String COLUMNS = """
            household_id, community_code, address, postal_code, kind, household_number, registered_on, version""";
    private static final RowMapper<HouseholdView> VIEW = (rs, row) -> new HouseholdView(
            new HouseholdId(rs.getObject("household_id", UUID.class)),
            new CommunityCode(rs.getString("community_code")),
            rs.getString("address"),
            PostalCode.optional(rs.getString("postal_code")),
            HouseholdKind.valueOf(rs.getString("kind")),
            rs.getString("household_number"),
            rs.getObject("registered_on", LocalDate.class),
            rs.getLong("version"),
            List.of());

    private final JdbcTemplate jdbc;

    HouseholdRegister(@ProjectionWrites JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("household_register", "household_member", "household_register_person");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of(
                "household_register_community",
                "household_register_township",
                "household_register_county");
    }

    @EventHandler
    void on(HouseholdRegistered event, @SequenceNumber long version) {
        CommunityCode community = event.communityCode();
        jdbc.update("""
                INSERT INTO household_register (household_id, community_code, township_code, county_code, address,
                                                postal_code, kind, household_number, registered_on, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.householdId().value(), community.value(), community.township().value(),
                community.county().value(), event.address(), text(event.postalCode()), event.kind().name(), event.householdNumber(),
                event.registeredOn(), version);
    }

    @EventHandler
    void on(HouseholdRelocated event, @SequenceNumber long version) {
        CommunityCode community = event.communityCode();
        requireOne(jdbc.update("""
                UPDATE household_register
                SET community_code = ?, township_code = ?, county_code = ?, address = ?, postal_code = ?, version = ?
                WHERE household_id = ?""",
                community.value(), community.township().value(), community.county().value(), event.address(),
                text(event.postalCode()), version, event.householdId().value()), "household " + event.householdId());
    }

    @EventHandler
    void on(MemberJoinedHousehold event, @SequenceNumber long version) {
        jdbc.update("INSERT INTO household_member (household_id, person_id, relation_to_head, since) VALUES (?, ?, ?, ?)",
                event.householdId().value(), event.personId().value(), event.relationToHead().name(), event.date());
        touch(event.householdId(), version);
    }

    /** A member who died stays on the household's page, marked deceased by {@link #on(PersonDied)}. */
    @EventHandler
    void on(MemberLeftHousehold event, @SequenceNumber long version) {
        if (event.reason() != LeavingReason.DIED) {
            requireOne(jdbc.update("DELETE FROM household_member WHERE household_id = ? AND person_id = ?",
                    event.householdId().value(), event.personId().value()), "member " + event.personId());
        }
        touch(event.householdId(), version);
    }

    @EventHandler
    void on(HouseholdHeadChanged event, @SequenceNumber long version) {
        if (event.previousHeadId() != null) {
            jdbc.update("UPDATE household_member SET relation_to_head = ? WHERE household_id = ? AND person_id = ?",
                    event.previousHeadRelation().name(), event.householdId().value(), event.previousHeadId().value());
        }
        requireOne(jdbc.update("""
                UPDATE household_member SET relation_to_head = 'HEAD' WHERE household_id = ? AND person_id = ?""",
                event.householdId().value(), event.headId().value()), "member " + event.headId());
        touch(event.householdId(), version);
    }

    @EventHandler
    void on(PersonRegistered event) {
        enter(event.personId(), event.name(), event);
    }

    @EventHandler
    void on(BirthRegistered event) {
        enter(event.personId(), event.name(), event);
    }

    @EventHandler
    void on(PersonMovedOut event) {
        residency(event.personId(), event);
    }

    @EventHandler
    void on(PersonMovedIn event) {
        residency(event.personId(), event);
    }

    @EventHandler
    void on(PersonDied event) {
        residency(event.personId(), event);
    }

    private void enter(PersonId person, String name, Object event) {
        ResidencyChange residency = ResidencyChange.of(event).orElseThrow();
        jdbc.update("INSERT INTO household_register_person (person_id, name, residency, residency_since) "
                + "VALUES (?, ?, ?, ?)", person.value(), name, residency.residency().name(), residency.since());
    }

    private void residency(PersonId person, Object event) {
        ResidencyChange residency = ResidencyChange.of(event).orElseThrow();
        RidingWrites.updateOne(jdbc, "UPDATE household_register_person SET residency = ?, residency_since = ? "
                + "WHERE person_id = ?", residency.residency().name(), residency.since(), person.value());
    }

    @EventHandler
    void on(PersonDetailCorrected event) {
        if (event.correction() instanceof Correction.OfName name) {
            requireOne(jdbc.update("UPDATE household_register_person SET name = ? WHERE person_id = ?",
                    name.newValue(), event.personId().value()), "person " + event.personId());
        }
    }

    /** A member's record entered in error (an import taken back): the household's page no longer lists them. */
    @EventHandler
    void on(MemberEnteredInError event, @SequenceNumber long version) {
        jdbc.update("DELETE FROM household_member WHERE household_id = ? AND person_id = ?",
                event.householdId().value(), event.personId().value());
        touch(event.householdId(), version);
    }

    @EventHandler
    void on(PersonEnteredInError event) {
        jdbc.update("DELETE FROM household_member WHERE person_id = ?", event.personId().value());
        jdbc.update("DELETE FROM household_register_person WHERE person_id = ?", event.personId().value());
    }

    /** A household entered in error (an import taken back) leaves the register. */
    @EventHandler
    void on(HouseholdEnteredInError event) {
        jdbc.update("DELETE FROM household_member WHERE household_id = ?", event.householdId().value());
        jdbc.update("DELETE FROM household_register WHERE household_id = ?", event.householdId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM household_member");
        jdbc.update("DELETE FROM household_register_person");
        jdbc.update("DELETE FROM household_register");
    }

    Optional<HouseholdView> find(HouseholdId id) {
        return withMembers(jdbc.query("SELECT " + COLUMNS + " FROM household_register WHERE household_id = ?", VIEW,
                id.value())).stream().findFirst();
    }

    /**
     * The households with their members, read in one query for all of them: the living first (the head first,
     * then by the day they joined and by name), then the deceased.
     */
    private List<HouseholdView> withMembers(List<HouseholdView> households) {
        if (households.isEmpty()) {
            return households;
        }
        Map<UUID, List<HouseholdView.MemberView>> members = new HashMap<>();
        String ids = String.join(",", Collections.nCopies(households.size(), "?"));
        jdbc.query("""
                        SELECT m.household_id, m.person_id, p.name, m.relation_to_head, m.since, p.residency,
                               p.residency_since
                        FROM household_member m JOIN household_register_person p ON p.person_id = m.person_id
                        WHERE m.household_id IN (%s)
                        ORDER BY CASE p.residency WHEN 'DECEASED' THEN 1 ELSE 0 END,
                                 CASE m.relation_to_head WHEN 'HEAD' THEN 0 ELSE 1 END, m.since, p.name""".formatted(ids),
                (ResultSet rs) -> {
                    String residency = rs.getString("residency");
                    members.computeIfAbsent(rs.getObject("household_id", UUID.class), key -> new ArrayList<>())
                           .add(new HouseholdView.MemberView(new PersonId(rs.getObject("person_id", UUID.class)),
                                   rs.getString("name"), RelationToHead.valueOf(rs.getString("relation_to_head")),
                                   rs.getObject("since", LocalDate.class),
                                   residency == null ? null : Residency.valueOf(residency),
                                   rs.getObject("residency_since", LocalDate.class)));
                },
                households.stream().map(household -> household.householdId().value()).toArray());
        return households.stream().map(household -> new HouseholdView(household.householdId(),
                household.communityCode(), household.address(), household.postalCode(), household.kind(),
                household.householdNumber(), household.registeredOn(), household.version(),
                members.getOrDefault(household.householdId().value(), List.of()))).toList();
    }

    /** Facts about members change the household's version too. */
    private void touch(HouseholdId id, long version) {
        RidingWrites.updateOne(jdbc, "UPDATE household_register SET version = ? WHERE household_id = ?", version,
                id.value());
    }

    PageView<HouseholdView> list(AreaFilter area, HouseholdKind kind, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE ").append(area.sql());
        List<Object> parameters = new ArrayList<>(area.parameters());
        if (kind != null) {
            where.append(" AND kind = ?");
            parameters.add(kind.name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM household_register" + where, Long.class,
                parameters.toArray());
        parameters.add(paging.size());
        parameters.add(paging.offset());
        List<HouseholdView> items = jdbc.query("SELECT " + COLUMNS + " FROM household_register" + where
                + " ORDER BY community_code, registered_on, household_id LIMIT ? OFFSET ?", VIEW, parameters.toArray());
        return new PageView<>(withMembers(items), paging.page(), paging.size(), total == null ? 0 : total);
    }

    /** Every household of the area, without its members, one at a time as a cursor reads them: for exports. */
    void each(AreaFilter area, HouseholdKind kind, int fetchSize, java.util.function.Consumer<HouseholdView> household) {
        StringBuilder where = new StringBuilder(" WHERE ").append(area.sql());
        List<Object> parameters = new ArrayList<>(area.parameters());
        if (kind != null) {
            where.append(" AND kind = ?");
            parameters.add(kind.name());
        }
        String sql = "SELECT " + COLUMNS + " FROM household_register" + where
                + " ORDER BY community_code, registered_on, household_id";
        jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql,
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> household.accept(VIEW.mapRow(rs, 0)));
    }

    private static String text(PostalCode code) {
        return code == null ? null : code.value();
    }

    /** A handler that finds no row to update fails: a silently skipped fact would corrupt the register. */
    private static void requireOne(int rows, String record) {
        if (rows != 1) {
            throw new IllegalStateException(record + " is not in the household register");
        }
    }
}
