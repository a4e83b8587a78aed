package org.registry.command.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's own lookup of records across aggregates: which community each household is in (for the
 * area scope of clerks). It is written in the same transaction as the events it follows, so a command never
 * sees it behind the event store.
 */
@Component
@ProcessingGroup(RecordDirectory.PROCESSING_GROUP)
public class RecordDirectory {

    public static final String PROCESSING_GROUP = "command-directory";

    private final JdbcTemplate jdbc;

    RecordDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CommunityCode> communityOf(HouseholdId household) {
        return jdbc.queryForList("SELECT community_code FROM household_directory WHERE household_id = ?",
                        String.class, household.value())
                   .stream().findFirst().map(CommunityCode::new);
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("INSERT INTO household_directory (household_id, community_code) VALUES (?, ?)",
                event.householdId().value(), event.communityCode().value());
    }

    @EventHandler
    void on(HouseholdRelocated event) {
        int updated = jdbc.update("UPDATE household_directory SET community_code = ? WHERE household_id = ?",
                event.communityCode().value(), event.householdId().value());
        if (updated != 1) {
            throw new IllegalStateException("household " + event.householdId() + " is missing from the directory");
        }
    }
}
