package org.registry.query.migration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Projection;
import org.registry.query.api.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Migration flows: origin → destination, counted per month of the move (its business date). A person moving in
 * (registered with an origin, or returning) flows from the place written to the community of the household they live
 * in; a person moving out flows from the community of their household to the destination written; a transfer between
 * households of two communities, and a household relocating to another community, flow between the two communities
 * (a relocation counts the household once and each member living in it). Moves within one community are not flows.
 *
 * <p>Added after the register had been running, as an analyst adds one: one class, its own processing group and
 * tables. A new processing group starts at the first event, so it catches up with everything recorded before.
 */
@Component
@ProcessingGroup(MigrationFlows.NAME)
record MigrationFlows(@ProjectionWrites JdbcTemplate jdbc) implements Projection {

    static final String NAME = "migration-flows";
    /** A move whose other end the clerk did not write down. */
    static final String UNKNOWN = "(unknown)";

    @Override
    public List<String> tables() {
        return List.of("migration_flow", "migration_flow_end", "migration_flow_household", "migration_flow_resident");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of("migration_flow_month", "migration_flow_end_community", "migration_flow_end_township",
                "migration_flow_end_county");
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("INSERT INTO migration_flow_household (household_id, community_code) VALUES (?, ?)",
                event.householdId().value(), event.communityCode().value());
    }

    @EventHandler
    void on(HouseholdRelocated event) {
        requireOne(jdbc.update("UPDATE migration_flow_household SET community_code = ? WHERE household_id = ?",
                event.communityCode().value(), event.householdId().value()), "household " + event.householdId());
        if (!event.fromCommunityCode().equals(event.communityCode())) {
            Integer members = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM migration_flow_resident WHERE household_id = ? AND lives_here""",
                    Integer.class, event.householdId().value());
            count(event.date(), Place.of(event.fromCommunityCode()), Place.of(event.communityCode()),
                    members == null ? 0 : members, 1);
        }
    }

    @EventHandler
    void on(PersonRegistered event) {
        resident(event.personId(), event.householdId());
        if (event.origin() != null) {
            UUID flow = count(event.residentSince(), Place.outside(event.origin()),
                    Place.of(communityOf(event.householdId())), 1, 0);
            jdbc.update("UPDATE migration_flow_resident SET arrival_flow_id = ? WHERE person_id = ?", flow,
                    event.personId().value());
        }
    }

    /**
     * A record entered in error (an import taken back): the arrival its registration counted is taken off its flow,
     * and a flow left with nobody goes, as if the registration had never been.
     */
    @EventHandler
    void on(PersonEnteredInError event) {
        jdbc.queryForList("SELECT arrival_flow_id FROM migration_flow_resident WHERE person_id = ?", UUID.class,
                event.personId().value()).stream().filter(java.util.Objects::nonNull).forEach(flow -> {
            jdbc.update("UPDATE migration_flow SET persons = persons - 1 WHERE flow_id = ?", flow);
            if (jdbc.update("DELETE FROM migration_flow WHERE flow_id = ? AND persons = 0 AND households = 0",
                    flow) == 1) {
                jdbc.update("DELETE FROM migration_flow_end WHERE flow_id = ?", flow);
            }
        });
        jdbc.update("DELETE FROM migration_flow_resident WHERE person_id = ?", event.personId().value());
    }

    @EventHandler
    void on(HouseholdEnteredInError event) {
        jdbc.update("DELETE FROM migration_flow_household WHERE household_id = ?", event.householdId().value());
    }

    @EventHandler
    void on(BirthRegistered event) {
        resident(event.personId(), event.householdId());
    }

    @EventHandler
    void on(PersonMovedIn event) {
        requireOne(jdbc.update("""
                        UPDATE migration_flow_resident SET household_id = ?, area_household_id = ?, lives_here = TRUE
                        WHERE person_id = ?""",
                event.householdId().value(), event.householdId().value(), event.personId().value()),
                "person " + event.personId());
        count(event.date(), Place.outside(event.origin()), Place.of(communityOf(event.householdId())), 1, 0);
    }

    @EventHandler
    void on(PersonMovedOut event) {
        CommunityCode from = communityOf(areaHouseholdOf(event.personId()));
        requireOne(jdbc.update(event.leftHousehold()
                        ? "UPDATE migration_flow_resident SET lives_here = FALSE, household_id = NULL WHERE person_id = ?"
                        : "UPDATE migration_flow_resident SET lives_here = FALSE WHERE person_id = ?",
                event.personId().value()), "person " + event.personId());
        count(event.date(), Place.of(from), Place.outside(event.destination()), 1, 0);
    }

    @EventHandler
    void on(PersonTransferred event) {
        requireOne(jdbc.update("""
                        UPDATE migration_flow_resident SET household_id = ?, area_household_id = ? WHERE person_id = ?""",
                event.toHouseholdId().value(), event.toHouseholdId().value(), event.personId().value()),
                "person " + event.personId());
        CommunityCode from = communityOf(event.fromHouseholdId());
        CommunityCode to = communityOf(event.toHouseholdId());
        if (!from.equals(to)) {
            count(event.date(), Place.of(from), Place.of(to), 1, 0);
        }
    }

    @EventHandler
    void on(PersonDied event) {
        requireOne(jdbc.update("""
                        UPDATE migration_flow_resident SET lives_here = FALSE, household_id = NULL WHERE person_id = ?""",
                event.personId().value()), "person " + event.personId());
    }

    @ResetHandler
    void reset() {
        tables().forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    /**
     * An end of a flow: a community of the register, or a place outside it as the clerk wrote it.
     *
     * @param community null for a place outside the register
     */
    record Place(String name, CommunityCode community) {

        static Place of(CommunityCode community) {
            return new Place(community.value(), community);
        }

        static Place outside(String text) {
            return new Place(text == null || text.isBlank() ? UNKNOWN : text.strip(), null);
        }
    }

    /** @return the flow counted */
    private UUID count(LocalDate date, Place origin, Place destination, int persons, int households) {
        String month = YearMonth.from(date).toString();
        // Derived from what the flow is, so that every rebuild gives every flow the same id.
        UUID flow = UUID.nameUUIDFromBytes((month + "\n" + origin.name() + "\n" + destination.name())
                .getBytes(StandardCharsets.UTF_8));
        if (jdbc.update("UPDATE migration_flow SET persons = persons + ?, households = households + ? WHERE flow_id = ?",
                persons, households, flow) == 1) {
            return flow;
        }
        jdbc.update("""
                        INSERT INTO migration_flow (flow_id, flow_month, origin, origin_community_code, destination,
                                                    destination_community_code, persons, households)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                flow, month, origin.name(), code(origin), destination.name(), code(destination), persons, households);
        for (Place end : List.of(origin, destination)) {
            if (end.community() != null) {
                CommunityCode community = end.community();
                jdbc.update("""
                                INSERT INTO migration_flow_end (flow_id, community_code, township_code, county_code)
                                VALUES (?, ?, ?, ?)""",
                        flow, community.value(), community.township().value(), community.county().value());
            }
        }
        return flow;
    }

    private static String code(Place place) {
        return place.community() == null ? null : place.community().value();
    }

    private void resident(PersonId person, HouseholdId household) {
        jdbc.update("""
                        INSERT INTO migration_flow_resident (person_id, household_id, area_household_id, lives_here)
                        VALUES (?, ?, ?, TRUE)""",
                person.value(), household.value(), household.value());
    }

    private HouseholdId areaHouseholdOf(PersonId person) {
        return jdbc.queryForList("SELECT area_household_id FROM migration_flow_resident WHERE person_id = ?",
                        UUID.class, person.value())
                   .stream().findFirst().map(HouseholdId::new)
                   .orElseThrow(() -> new IllegalStateException("person " + person + " is not in the migration flows"));
    }

    private CommunityCode communityOf(HouseholdId household) {
        return jdbc.queryForList("SELECT community_code FROM migration_flow_household WHERE household_id = ?",
                        String.class, household.value())
                   .stream().findFirst().map(CommunityCode::new)
                   .orElseThrow(() -> new IllegalStateException("household " + household
                           + " is not in the migration flows"));
    }

    /**
     * One flow of the dashboard.
     *
     * @param originCommunityCode      the origin's community, when it lies inside the register
     * @param destinationCommunityCode the destination's community, when it lies inside the register
     */
    record Flow(String month, String origin, String originCommunityCode, String destination,
                String destinationCommunityCode, int persons, int households) {
    }

    /** The flows with an end in the area, from month {@code from} to {@code to}, by month, origin, destination. */
    List<Flow> flows(AreaFilter area, YearMonth from, YearMonth to) {
        List<Object> parameters = new ArrayList<>(area.parameters());
        parameters.add(from.toString());
        parameters.add(to.toString());
        return jdbc.query("""
                        SELECT flow_month, origin, origin_community_code, destination, destination_community_code,
                               persons, households
                        FROM migration_flow
                        WHERE flow_id IN (SELECT flow_id FROM migration_flow_end WHERE %s)
                          AND flow_month >= ? AND flow_month <= ?
                        ORDER BY flow_month, origin, destination""".formatted(area.sql()),
                (rs, row) -> new Flow(rs.getString("flow_month"), rs.getString("origin"),
                        rs.getString("origin_community_code"), rs.getString("destination"),
                        rs.getString("destination_community_code"), rs.getInt("persons"), rs.getInt("households")),
                parameters.toArray());
    }

    /** A handler that finds no row to update fails: a silently skipped fact would corrupt the flows. */
    private static void requireOne(int rows, String record) {
        if (rows != 1) {
            throw new IllegalStateException(record + " is not in the migration flows");
        }
    }
}
