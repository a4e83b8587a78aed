package org.registry.command.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CorrectableField;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;

/**
 * The command side's own lookup of records across aggregates: the community of each household (for the area
 * scope of clerks), the household of each person, and who holds each national ID. It is written in the
 * transaction that stores the events it follows (a subscribing processor), so a command never sees it behind
 * the event store, and its unique constraint settles two registrations of one ID racing each other.
 */
@Component
@ProcessingGroup(RecordDirectory.PROCESSING_GROUP)
public class RecordDirectory implements NationalIdHolders {

    public static final String PROCESSING_GROUP = "command-directory";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;

    RecordDirectory(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<CommunityCode> communityOf(HouseholdId household) {
        return jdbc.queryForList("SELECT community_code FROM household_directory WHERE household_id = ?",
                        String.class, household.value())
                   .stream().findFirst().map(CommunityCode::new);
    }

    /** The community of the household the person belongs to, or last belonged to. */
    public Optional<CommunityCode> communityOf(PersonId person) {
        return jdbc.queryForList("""
                        SELECT h.community_code FROM person_directory p
                        JOIN household_directory h ON h.household_id = p.household_id
                        WHERE p.person_id = ?""", String.class, person.value())
                   .stream().findFirst().map(CommunityCode::new);
    }

    @Override
    public Optional<PersonId> holderOf(NationalId nationalId) {
        return jdbc.queryForList("SELECT person_id FROM person_directory WHERE national_id = ?", UUID.class,
                        nationalId.value())
                   .stream().findFirst().map(PersonId::new);
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("INSERT INTO household_directory (household_id, community_code) VALUES (?, ?)",
                event.householdId().value(), event.communityCode().value());
    }

    @EventHandler
    void on(HouseholdRelocated event) {
        requireOne(jdbc.update("UPDATE household_directory SET community_code = ? WHERE household_id = ?",
                event.communityCode().value(), event.householdId().value()), "household " + event.householdId());
    }

    @EventHandler
    void on(PersonRegistered event) {
        enter(event.personId(), event.nationalId(), event.householdId());
    }

    @EventHandler
    void on(BirthRegistered event) {
        enter(event.personId(), event.nationalId(), event.householdId());
    }

    @EventHandler
    void on(NationalIdAdded event) {
        holds(event.personId(), event.nationalId());
    }

    @EventHandler
    void on(PersonDetailCorrected event) {
        if (event.field() == CorrectableField.NATIONAL_ID) {
            holds(event.personId(), event.newValue() == null ? null : new NationalId(event.newValue()));
        }
    }

    @EventHandler
    void on(PersonTransferred event) {
        belongsTo(event.personId(), event.toHouseholdId());
    }

    @EventHandler
    void on(PersonMovedIn event) {
        belongsTo(event.personId(), event.householdId());
    }

    private void enter(PersonId person, NationalId nationalId, HouseholdId household) {
        try {
            jdbc.update("INSERT INTO person_directory (person_id, national_id, household_id) VALUES (?, ?, ?)",
                    person.value(), nationalId == null ? null : nationalId.value(), household.value());
        } catch (DuplicateKeyException e) {
            throw duplicateOf(nationalId, e);
        }
    }

    private void holds(PersonId person, NationalId nationalId) {
        try {
            requireOne(jdbc.update("UPDATE person_directory SET national_id = ? WHERE person_id = ?",
                    nationalId == null ? null : nationalId.value(), person.value()), "person " + person);
        } catch (DuplicateKeyException e) {
            throw duplicateOf(nationalId, e);
        }
    }

    private void belongsTo(PersonId person, HouseholdId household) {
        requireOne(jdbc.update("UPDATE person_directory SET household_id = ? WHERE person_id = ?",
                household.value(), person.value()), "person " + person);
    }

    /**
     * Another request registered the same ID at the same moment and committed first. This transaction can no
     * longer read (PostgreSQL aborts it), so the holder is looked up in a transaction of its own.
     */
    private RuntimeException duplicateOf(NationalId nationalId, DuplicateKeyException cause) {
        if (nationalId == null) {
            return cause;
        }
        return separateTransaction.execute(status -> holderOf(nationalId))
                .<RuntimeException>map(holder -> NationalIdHolders.duplicate(nationalId, holder))
                .orElse(cause);
    }

    private static void requireOne(int rows, String record) {
        if (rows != 1) {
            throw new IllegalStateException(record + " is missing from the command-side directory");
        }
    }
}
