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
import org.registry.kernel.query.PageView;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The household register (户籍册): every household, where it is, and its version. */
@Component
@ProcessingGroup(HouseholdRegister.NAME)
class HouseholdRegister {

    static final String NAME = "household-register";

    private static final String COLUMNS = """
            household_id, community_code, address, kind, household_number, registered_on, version""";
    private static final RowMapper<HouseholdView> VIEW = (rs, row) -> new HouseholdView(
            new HouseholdId(rs.getObject("household_id", java.util.UUID.class)),
            new CommunityCode(rs.getString("community_code")),
            rs.getString("address"),
            HouseholdKind.valueOf(rs.getString("kind")),
            rs.getString("household_number"),
            rs.getObject("registered_on", java.time.LocalDate.class),
            rs.getLong("version"),
            List.of());

    private final JdbcTemplate jdbc;

    HouseholdRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdRegistered event, @SequenceNumber long version) {
        CommunityCode community = event.communityCode();
        jdbc.update("""
                INSERT INTO household_register (household_id, community_code, township_code, county_code, address,
                                                kind, household_number, registered_on, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.householdId().value(), community.value(), community.township().value(),
                community.county().value(), event.address(), event.kind().name(), event.householdNumber(),
                event.registeredOn(), version);
    }

    @EventHandler
    void on(HouseholdRelocated event, @SequenceNumber long version) {
        CommunityCode community = event.communityCode();
        update(event.householdId(), jdbc.update("""
                UPDATE household_register
                SET community_code = ?, township_code = ?, county_code = ?, address = ?, version = ?
                WHERE household_id = ?""",
                community.value(), community.township().value(), community.county().value(), event.address(),
                version, event.householdId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM household_register");
    }

    Optional<HouseholdView> find(HouseholdId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM household_register WHERE household_id = ?", VIEW, id.value())
                   .stream().findFirst();
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
        return new PageView<>(items, paging.page(), paging.size(), total == null ? 0 : total);
    }

    /** A handler that finds no row to update fails: a silently skipped fact would corrupt the register. */
    private static void update(HouseholdId id, int rows) {
        if (rows != 1) {
            throw new IllegalStateException("household " + id + " is not in the register");
        }
    }
}
