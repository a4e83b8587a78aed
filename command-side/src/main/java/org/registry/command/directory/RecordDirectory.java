package org.registry.command.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.Sex;
import org.registry.platform.jdbc.CustomPlans;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.transaction.TransactionMemory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's own lookup of records across aggregates: the community of each household (for the area
 * scope of clerks), the household, parents and death of each person (for the eligibility of claims), who holds
 * each national ID, and when each claim was granted and ended (for payment runs). It is written in the
 * transaction that stores the events it follows (a subscribing processor), so a command never sees it behind
 * the event store, and its unique constraint settles two registrations of one ID racing each other.
 */
@Component
@ProcessingGroup(RecordDirectory.PROCESSING_GROUP)
public class RecordDirectory implements NationalIdHolders, Kinship {

    public static final String PROCESSING_GROUP = "command-directory";
    /** The current transaction's memory of who holds which national ID (empty: nobody). */
    private static final String HOLDERS = "national-id-holders";

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

    @Override
    public Optional<CommunityCode> communityOf(PersonId person) {
        return jdbc.queryForList("""
                        SELECT h.community_code FROM person_directory p
                        JOIN household_directory h ON h.household_id = p.household_id
                        WHERE p.person_id = ?""", String.class, person.value())
                   .stream().findFirst().map(CommunityCode::new);
    }

    /** The household a person lives in, as far as the register knows the person. */
    public Optional<HouseholdId> householdOf(PersonId person) {
        return jdbc.queryForList("SELECT household_id FROM person_directory WHERE person_id = ?", UUID.class,
                        person.value())
                   .stream().findFirst().map(HouseholdId::new);
    }

    /** The community of a household the register knows, else {@code 404 HOUSEHOLD_NOT_FOUND} naming {@code field}. */
    public CommunityCode communityOfKnown(HouseholdId household, String field) {
        return communityOf(household).orElseThrow(() -> RejectionException.notFound(field, "HOUSEHOLD_NOT_FOUND",
                "no household with id " + household));
    }

    /** The community of a person the register knows, else {@code 404 PERSON_NOT_FOUND} naming {@code field}. */
    public CommunityCode communityOfKnown(PersonId person, String field) {
        return communityOf(person).orElseThrow(() -> RejectionException.notFound(field, "PERSON_NOT_FOUND",
                "no person with id " + person));
    }

    /**
     * A household the caller may act on: known to the register ({@code 404 HOUSEHOLD_NOT_FOUND} naming
     * {@code field} otherwise) and in the caller's areas ({@code 403} otherwise).
     */
    public HouseholdId inScope(HouseholdId household, String field) {
        CurrentUser.requireScope(communityOfKnown(household, field));
        return household;
    }

    /**
     * A person the caller may act on: known to the register ({@code 404 PERSON_NOT_FOUND} naming {@code field}
     * otherwise) and in the caller's areas ({@code 403} otherwise).
     */
    public PersonId inScope(PersonId person, String field) {
        CurrentUser.requireScope(communityOfKnown(person, field));
        return person;
    }

    @Override
    public List<Relative> childrenOf(PersonId parent) {
        return jdbc.query("""
                        SELECT person_id, sex, birth_date, died_on FROM person_directory
                        WHERE mother_id = ? OR father_id = ? ORDER BY birth_date""",
                RELATIVE, parent.value(), parent.value());
    }

    /** {@link #childrenOf(PersonId)} of many parents in one query: every parent asked for, with or without children. */
    public Map<PersonId, List<Relative>> childrenOf(Collection<PersonId> parents) {
        Map<PersonId, List<Relative>> children = new HashMap<>();
        parents.forEach(parent -> children.put(parent, new ArrayList<>()));
        UUID[] ids = parents.stream().map(PersonId::value).toArray(UUID[]::new);
        jdbc.query(CustomPlans.query("""
                SELECT person_id, sex, birth_date, died_on, mother_id, father_id FROM person_directory
                WHERE mother_id = ANY (?) OR father_id = ANY (?) ORDER BY birth_date""", ids, ids), (ResultSet rs) -> {
                    Relative child = RELATIVE.mapRow(rs, 0);
                    for (String parent : List.of("mother_id", "father_id")) {
                        UUID id = rs.getObject(parent, UUID.class);
                        List<Relative> theirs = id == null ? null : children.get(new PersonId(id));
                        if (theirs != null) {
                            theirs.add(child);
                        }
                    }
                });
        return children;
    }

    @Override
    public Optional<Relative> find(PersonId person) {
        return jdbc.query("SELECT person_id, sex, birth_date, died_on FROM person_directory WHERE person_id = ?",
                RELATIVE, person.value()).stream().findFirst();
    }

    /** The person who owns a claim, if the claim exists. */
    public Optional<PersonId> ownerOf(ClaimId claim) {
        return jdbc.queryForList("SELECT person_id FROM claim_directory WHERE claim_id = ?", UUID.class, claim.value())
                   .stream().findFirst().map(PersonId::new);
    }

    /**
     * A claim a payment run accounts for, with the days it was granted and ended (null when it was not).
     */
    public record ClaimOfArea(PersonId personId, ClaimId claimId, LocalDate grantedOn, LocalDate endedOn) {
    }

    /** Every claim of a programme whose claimant's household is in the area, whatever its stage. */
    public List<ClaimOfArea> claims(Programme programme, AreaCode area) {
        return jdbc.query("""
                        SELECT c.person_id, c.claim_id, c.granted_on, c.ended_on FROM claim_directory c
                        JOIN person_directory p ON p.person_id = c.person_id
                        JOIN household_directory h ON h.household_id = p.household_id
                        WHERE c.programme = ? AND h.community_code LIKE ?
                        ORDER BY c.claim_id""",
                (rs, row) -> new ClaimOfArea(new PersonId(rs.getObject("person_id", UUID.class)),
                        new ClaimId(rs.getObject("claim_id", UUID.class)), rs.getObject("granted_on", LocalDate.class),
                        rs.getObject("ended_on", LocalDate.class)),
                programme.name(), area.value() + "%");
    }

    private static final RowMapper<Relative> RELATIVE = (rs, row) -> new Relative(
            new PersonId(rs.getObject("person_id", UUID.class)), Sex.valueOf(rs.getString("sex")),
            rs.getObject("birth_date", LocalDate.class), rs.getObject("died_on", LocalDate.class));

    /**
     * Who holds the ID: what this transaction read in bulk or wrote itself ({@link #holdersOf}), else one query.
     */
    @Override
    public Optional<PersonId> holderOf(NationalId nationalId) {
        Optional<PersonId> known = TransactionMemory.<NationalId, Optional<PersonId>>of(HOLDERS)
                .map(holders -> holders.get(nationalId)).orElse(null);
        if (known != null) {
            return known;
        }
        return jdbc.queryForList("SELECT person_id FROM person_directory WHERE national_id = ?", UUID.class,
                        nationalId.value())
                   .stream().findFirst().map(PersonId::new);
    }

    /**
     * The holders of many national IDs in one query (a chunk of an import): only the IDs held. The current
     * transaction remembers the answer for each ID, held or not, and {@link #holderOf} gives it without asking
     * again; the directory keeps it true as the transaction enters and changes national IDs.
     */
    public Map<NationalId, PersonId> holdersOf(Collection<NationalId> nationalIds) {
        Map<NationalId, PersonId> holders = new HashMap<>();
        jdbc.query(CustomPlans.query("SELECT national_id, person_id FROM person_directory WHERE national_id = ANY (?)",
                (Object) nationalIds.stream().map(NationalId::value).toArray(String[]::new)), (ResultSet rs) -> {
                    holders.put(new NationalId(rs.getString("national_id")),
                            new PersonId(rs.getObject("person_id", UUID.class)));
                });
        TransactionMemory.<NationalId, Optional<PersonId>>of(HOLDERS).ifPresent(memory -> nationalIds.forEach(
                nationalId -> memory.put(nationalId, Optional.ofNullable(holders.get(nationalId)))));
        return holders;
    }

    /** The households of many persons in one query: only persons the directory knows, and who live in one. */
    public Map<PersonId, HouseholdId> householdsOf(Collection<PersonId> persons) {
        Map<PersonId, HouseholdId> households = new HashMap<>();
        jdbc.query(CustomPlans.query("SELECT person_id, household_id FROM person_directory WHERE person_id = ANY (?)"
                + " AND household_id IS NOT NULL", (Object) persons.stream().map(PersonId::value)
                .toArray(UUID[]::new)), (ResultSet rs) -> {
                    households.put(new PersonId(rs.getObject("person_id", UUID.class)),
                            new HouseholdId(rs.getObject("household_id", UUID.class)));
                });
        return households;
    }

    /** The communities of many households in one query: only the households the directory knows. */
    public Map<HouseholdId, CommunityCode> communitiesOf(Collection<HouseholdId> households) {
        Map<HouseholdId, CommunityCode> communities = new HashMap<>();
        jdbc.query(CustomPlans.query("SELECT household_id, community_code FROM household_directory "
                + "WHERE household_id = ANY (?)", (Object) households.stream().map(HouseholdId::value)
                .toArray(UUID[]::new)), (ResultSet rs) -> {
                    communities.put(new HouseholdId(rs.getObject("household_id", UUID.class)),
                            new CommunityCode(rs.getString("community_code")));
                });
        return communities;
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
        enter(event.personId(), event.nationalId(), event.householdId(), event.sex(), event.birthDate(), null, null);
    }

    @EventHandler
    void on(BirthRegistered event) {
        enter(event.personId(), event.nationalId(), event.householdId(), event.sex(), event.birthDate(),
                event.motherId(), event.fatherId());
    }

    @EventHandler
    void on(PersonDied event) {
        setOf(event.personId(), "died_on", event.date());
    }

    @EventHandler
    void on(BenefitClaimFiled event) {
        jdbc.update("INSERT INTO claim_directory (claim_id, person_id, programme) VALUES (?, ?, ?)",
                event.claimId().value(), event.personId().value(), event.programme().name());
    }

    @EventHandler
    void on(BenefitGrantImported event) {
        jdbc.update("INSERT INTO claim_directory (claim_id, person_id, programme, granted_on) VALUES (?, ?, ?, ?)",
                event.claimId().value(), event.personId().value(), event.programme().name(), event.grantedOn());
    }

    @EventHandler
    void on(BenefitClaimGranted event) {
        setOf(event.claimId(), "granted_on", event.grantedOn());
    }

    @EventHandler
    void on(BenefitClaimEnded event) {
        setOf(event.claimId(), "ended_on", event.endedOn());
    }

    @EventHandler
    void on(NationalIdAdded event) {
        holds(event.personId(), event.nationalId());
    }

    @EventHandler
    void on(PersonDetailCorrected event) {
        // names and ethnicity play no part in the directory's rules
        event.correction().handle(
                name -> { },
                sex -> setOf(event.personId(), "sex", sex.newValue().name()),
                birthDate -> setOf(event.personId(), "birth_date", birthDate.newValue()),
                ethnicity -> { },
                nationalId -> holds(event.personId(), nationalId.newValue()));
    }

    /**
     * A record entered in error frees its national ID, in the transaction of the event: a corrected file can bring
     * the person in again. The row stays (the record still answers, refusing every command).
     */
    @EventHandler
    void on(PersonEnteredInError event) {
        holds(event.personId(), null);
    }

    @EventHandler
    void on(PersonTransferred event) {
        belongsTo(event.personId(), event.toHouseholdId());
    }

    @EventHandler
    void on(PersonMovedIn event) {
        belongsTo(event.personId(), event.householdId());
    }

    private void enter(PersonId person, NationalId nationalId, HouseholdId household, Sex sex, LocalDate birthDate,
                       PersonId mother, PersonId father) {
        try {
            jdbc.update("""
                            INSERT INTO person_directory (person_id, national_id, household_id, sex, birth_date,
                                                          mother_id, father_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    person.value(), nationalId == null ? null : nationalId.value(), household.value(), sex.name(),
                    birthDate, mother == null ? null : mother.value(), father == null ? null : father.value());
        } catch (DuplicateKeyException e) {
            throw duplicateOf(nationalId, e);
        }
        if (nationalId != null) {
            TransactionMemory.<NationalId, Optional<PersonId>>of(HOLDERS).ifPresent(memory ->
                    memory.put(nationalId, Optional.of(person)));
        }
    }

    private void holds(PersonId person, NationalId nationalId) {
        try {
            setOf(person, "national_id", nationalId == null ? null : nationalId.value());
        } catch (DuplicateKeyException e) {
            throw duplicateOf(nationalId, e);
        }
        // the ID the person held before is free now, and which one that was is not known here
        TransactionMemory.of(HOLDERS).ifPresent(Map::clear);
    }

    private void belongsTo(PersonId person, HouseholdId household) {
        setOf(person, "household_id", household.value());
    }

    /** Sets a column of a person's row, which must be there. */
    private void setOf(PersonId person, String column, Object value) {
        requireOne(jdbc.update("UPDATE person_directory SET " + column + " = ? WHERE person_id = ?", value,
                person.value()), "person " + person);
    }

    /** Sets a column of a claim's row, which must be there. */
    private void setOf(ClaimId claim, String column, Object value) {
        requireOne(jdbc.update("UPDATE claim_directory SET " + column + " = ? WHERE claim_id = ?", value,
                claim.value()), "claim " + claim);
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
