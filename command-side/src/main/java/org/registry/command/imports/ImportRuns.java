package org.registry.command.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.platform.jdbc.CustomPlans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The state of imports: each run, the outcome of each row it read, and the households imports founded. */
@Component
class ImportRuns {

    enum Status { RUNNING, DONE, FAILED, REVERTED }

    /** What became of a row: registered (or, in a dry run, valid), matched to a person on the register, rejected. */
    enum Outcome { REGISTERED, VALID, MATCHED, REJECTED }

    record Run(UUID importId, String fileName, String sha256, String format, String charset, Ledger kind,
               boolean dryRun, String actor, Status status, int totalRows, Instant startedAt, Instant finishedAt,
               String failure, Revert revert) {

        Run(UUID importId, String fileName, String sha256, String format, String charset, Ledger kind,
            boolean dryRun, String actor, Status status, int totalRows, Instant startedAt, Instant finishedAt,
            String failure) {
            this(importId, fileName, sha256, format, charset, kind, dryRun, actor, status, totalRows, startedAt,
                    finishedAt, failure, null);
        }
    }

    /** An import taken back: by whom, when and why. */
    record Revert(String revertedBy, Instant revertedAt, String reason) {
    }

    /** A person a row of an import registered, with the household the row put them in. */
    record Registered(PersonId personId, HouseholdId householdId) {
    }

    record RowOutcome(int row, Outcome outcome, UUID personId, UUID householdId, List<PersonRow.Problem> problems) {
    }

    private static final int MAX_PROBLEMS_TEXT = 8000;
    private static final TypeReference<List<PersonRow.Problem>> PROBLEMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ImportRuns(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(Run run) {
        jdbc.update("""
                        INSERT INTO import_run (import_id, file_name, sha256, format, charset, kind, dry_run, actor,
                                                status, total_rows, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                run.importId(), run.fileName(), run.sha256(), run.format(), run.charset(), run.kind().name(),
                run.dryRun(), run.actor(),
                run.status().name(), run.totalRows(), OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
    }

    void finish(UUID importId, Status status, Instant at, String failure) {
        jdbc.update("UPDATE import_run SET status = ?, finished_at = ?, failure = ? WHERE import_id = ?",
                status.name(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)), importId);
    }

    /**
     * Marks the import taken back, unless it was already (or is a dry run, or still running): false then. Run in the
     * transaction of the revert's commands, its row lock also keeps two reverts of one import from racing.
     */
    boolean revert(UUID importId, Revert revert) {
        int updated = jdbc.update("""
                        UPDATE import_run SET status = 'REVERTED', reverted_by = ?, reverted_at = ?, revert_reason = ?
                        WHERE import_id = ? AND status IN ('DONE', 'FAILED') AND NOT dry_run""",
                revert.revertedBy(), OffsetDateTime.ofInstant(revert.revertedAt(), ZoneOffset.UTC), revert.reason(),
                importId);
        return updated == 1;
    }

    /** Forgets the households an import founded, once they are entered in error: a corrected file founds them anew. */
    void forgetHouseholds(UUID importId, List<HouseholdId> households) {
        for (HouseholdId household : households) {
            jdbc.update("DELETE FROM import_household WHERE import_id = ? AND household_id = ?", importId,
                    household.value());
        }
    }

    /** The persons the import registered, in the order of their rows. */
    List<Registered> registered(UUID importId) {
        return jdbc.query("""
                        SELECT person_id, household_id FROM import_row WHERE import_id = ? AND outcome = 'REGISTERED'
                        ORDER BY row_number""",
                (rs, i) -> new Registered(new PersonId(rs.getObject("person_id", UUID.class)),
                        new HouseholdId(rs.getObject("household_id", UUID.class))), importId);
    }

    Optional<Run> find(UUID importId) {
        return jdbc.query("SELECT * FROM import_run WHERE import_id = ?", RUN, importId).stream().findFirst();
    }

    /** The latest runs first; of one actor, or of all when {@code actor} is null. */
    List<Run> list(String actor, int page, int size) {
        return actor == null
                ? jdbc.query("SELECT * FROM import_run ORDER BY started_at DESC, import_id LIMIT ? OFFSET ?", RUN,
                size, (long) page * size)
                : jdbc.query("""
                        SELECT * FROM import_run WHERE actor = ? ORDER BY started_at DESC, import_id
                        LIMIT ? OFFSET ?""", RUN, actor, size, (long) page * size);
    }

    long count(String actor) {
        return actor == null ? jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM import_run WHERE actor = ?", Long.class, actor);
    }

    /** The outcome of one row of an import, as kept in {@code import_row}. */
    record RowRecord(UUID importId, int row, String nationalId, String householdKey, String relation, Outcome outcome,
                     HouseholdId household, PersonId person, List<PersonRow.Problem> problems) {

        static RowRecord of(UUID importId, PersonRow row, Outcome outcome, HouseholdId household, PersonId person,
                            List<PersonRow.Problem> problems) {
            return new RowRecord(importId, row.number, row.nationalId == null ? null : row.nationalId.value(),
                    row.householdKey(), row.relation == null ? null : row.relation.name(), outcome, household, person,
                    problems);
        }

        /** A row of a births ledger: the child's national ID, household and record. */
        static RowRecord of(UUID importId, BirthRow row, Outcome outcome, HouseholdId household, PersonId child,
                            List<PersonRow.Problem> problems) {
            return new RowRecord(importId, row.number, row.nationalId == null ? null : row.nationalId.value(),
                    row.householdKey(), null, outcome, household, child, problems);
        }

        /**
         * A row of a check-ups or recipients ledger: the person's national ID and record, and in {@code
         * household_key} the row's key (a check-up's person, type and day; a recipient's person and programme), by
         * which a second row of the same check-up or recipient is found.
         */
        static RowRecord keyed(UUID importId, RowReader row, NationalId nationalId, String key, Outcome outcome,
                               PersonId person, List<PersonRow.Problem> problems) {
            return new RowRecord(importId, row.number, nationalId == null ? null : nationalId.value(), key, null,
                    outcome, null, person, problems);
        }
    }

    private static final String INSERT_ROW = """
            INSERT INTO import_row (import_id, row_number, outcome, national_id, household_key, relation,
                                    household_id, person_id, problems)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    void record(RowRecord row) {
        jdbc.update(INSERT_ROW, values(row));
    }

    /** The outcomes of many rows in one batch (a dry run's chunk, once its facts are rolled back). */
    void recordAll(List<RowRecord> rows) {
        jdbc.batchUpdate(INSERT_ROW, rows.stream().map(this::values).toList());
    }

    private Object[] values(RowRecord row) {
        return new Object[]{row.importId(), row.row(), row.outcome().name(), row.nationalId(), row.householdKey(),
                row.relation(), row.household() == null ? null : row.household().value(),
                row.person() == null ? null : row.person().value(),
                row.problems().isEmpty() ? null : write(row.problems())};
    }

    // The lookups of an import's own rows below read by the key first, in a subquery that OFFSET 0 keeps the planner
    // from merging, and then keep the rows of the import: the statistics never know the running import's id yet, and
    // with the choice left to them PostgreSQL read the import's whole range of rows for every lookup (V7).

    /** The row of this import, before this one, with the same check-up or recipient (its key). */
    Optional<Integer> earlierRowWithKey(UUID importId, String key) {
        return jdbc.query(CustomPlans.query("""
                        SELECT MIN(row_number) FROM (SELECT row_number, import_id FROM import_row
                        WHERE household_key = ? OFFSET 0) r WHERE import_id = ?""",
                key, importId), ROW_NUMBER).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** {@link #earlierRowWithKey} of many keys in one query: the first row of each key the import has. */
    Map<String, Integer> firstRowsWithKey(UUID importId, Collection<String> keys) {
        return firstRows("household_key", importId, keys);
    }

    /** Whether an earlier row of this import registered or matched the person. */
    boolean hasPerson(UUID importId, PersonId person) {
        return jdbc.query(CustomPlans.query("""
                        SELECT 1 FROM (SELECT import_id FROM import_row WHERE person_id = ? OFFSET 0) r
                        WHERE import_id = ? LIMIT 1""",
                person.value(), importId), ROW_NUMBER).size() == 1;
    }

    /** The row of this import, before this one, that had the same national ID. */
    Optional<Integer> earlierRowWith(UUID importId, String nationalId) {
        return Optional.ofNullable(firstRowsWith(importId, List.of(nationalId)).get(nationalId));
    }

    /** What this import already knows of a household: a household on the register, or one founded in a dry run. */
    record KnownHousehold(HouseholdId onRegister, boolean foundedInThisRun, boolean hasHead) {

        static KnownHousehold of(List<HouseholdRow> rows) {
            HouseholdId onRegister = rows.stream().map(HouseholdRow::household).filter(java.util.Objects::nonNull)
                                         .findFirst().orElse(null);
            boolean founded = rows.stream().anyMatch(row -> row.outcome() == Outcome.VALID);
            boolean head = rows.stream().anyMatch(row -> "HEAD".equals(row.relation()));
            return new KnownHousehold(onRegister, founded, head);
        }
    }

    KnownHousehold household(UUID importId, String key) {
        return KnownHousehold.of(households(importId, List.of(key)).getOrDefault(key, List.of()));
    }

    /** A row an import kept of a household: what became of it, the household it went to, its relation to the head. */
    record HouseholdRow(Outcome outcome, HouseholdId household, String relation) {
    }

    /** The rows (not rejected) of this import with each of the household keys, read in one query. */
    Map<String, List<HouseholdRow>> households(UUID importId, Collection<String> keys) {
        Map<String, List<HouseholdRow>> rows = new HashMap<>();
        jdbc.query(CustomPlans.query("""
                        SELECT household_key, outcome, household_id, relation FROM (
                            SELECT import_id, row_number, household_key, outcome, household_id, relation
                            FROM import_row WHERE household_key = ANY (?) OFFSET 0) r
                        WHERE import_id = ? AND outcome <> 'REJECTED'
                        ORDER BY row_number""", texts(keys), importId),
                (java.sql.ResultSet rs) -> {
                    UUID household = rs.getObject("household_id", UUID.class);
                    rows.computeIfAbsent(rs.getString("household_key"), key -> new ArrayList<>()).add(
                            new HouseholdRow(Outcome.valueOf(rs.getString("outcome")),
                                    household == null ? null : new HouseholdId(household), rs.getString("relation")));
                });
        return rows;
    }

    /** The first row of this import with each of the national IDs, read in one query. */
    Map<String, Integer> firstRowsWith(UUID importId, Collection<String> nationalIds) {
        return firstRows("national_id", importId, nationalIds);
    }

    /** The first row of this import with each of the values in the column (one of this class's, never input). */
    private Map<String, Integer> firstRows(String column, UUID importId, Collection<String> values) {
        Map<String, Integer> rows = new HashMap<>();
        jdbc.query(CustomPlans.query("""
                        SELECT %1$s, MIN(row_number) AS first_row FROM (
                            SELECT import_id, row_number, %1$s FROM import_row WHERE %1$s = ANY (?) OFFSET 0) r
                        WHERE import_id = ? GROUP BY %1$s""".formatted(column), texts(values), importId),
                (java.sql.ResultSet rs) -> {
                    rows.put(rs.getString(column), rs.getInt("first_row"));
                });
        return rows;
    }

    /** The households imports founded (or found), by household key (community/number), read in one query. */
    Map<String, HouseholdId> mappedHouseholds(Collection<String> keys) {
        Map<String, HouseholdId> households = new HashMap<>();
        if (keys.isEmpty()) {
            return households;
        }
        // pairs OR-ed rather than unnest(): the embedded database reads this too, and both use the primary key
        Object[] pairs = keys.stream().flatMap(key -> java.util.stream.Stream.of(key.substring(0, key.indexOf('/')),
                key.substring(key.indexOf('/') + 1))).toArray();
        jdbc.query(CustomPlans.query("SELECT community_code, household_number, household_id FROM import_household "
                        + "WHERE " + String.join(" OR ", java.util.Collections.nCopies(keys.size(),
                        "(community_code = ? AND household_number = ?)")), pairs),
                (java.sql.ResultSet rs) -> {
                    households.put(rs.getString("community_code") + "/" + rs.getString("household_number"),
                            new HouseholdId(rs.getObject("household_id", UUID.class)));
                });
        return households;
    }

    private static final RowMapper<Integer> ROW_NUMBER = (rs, row) -> (Integer) rs.getObject(1, Integer.class);

    private static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** The household an import founded, or found through a member, for a community and household number. */
    Optional<HouseholdId> mappedHousehold(String community, String householdNumber) {
        return jdbc.queryForList("""
                        SELECT household_id FROM import_household WHERE community_code = ? AND household_number = ?""",
                UUID.class, community, householdNumber).stream().findFirst().map(HouseholdId::new);
    }

    /** A household an import founded, or found through a member, for a community and household number. */
    record Mapping(String community, String householdNumber, HouseholdId household, UUID importId) {
    }

    void mapHouseholds(List<Mapping> mappings) {
        jdbc.batchUpdate("""
                        INSERT INTO import_household (community_code, household_number, household_id, import_id)
                        VALUES (?, ?, ?, ?)""", mappings.stream().map(mapping -> new Object[]{mapping.community(),
                mapping.householdNumber(), mapping.household().value(), mapping.importId()}).toList());
    }

    /** How many rows ended each way. */
    Map<Outcome, Long> counts(UUID importId) {
        return jdbc.query("SELECT outcome, COUNT(*) AS n FROM import_row WHERE import_id = ? GROUP BY outcome",
                        (rs, i) -> Map.entry(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n")), importId)
                   .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The rows of an import in order, of one outcome or all. */
    List<RowOutcome> rows(UUID importId, Outcome outcome, int page, int size) {
        return outcome == null
                ? jdbc.query("""
                        SELECT * FROM import_row WHERE import_id = ? ORDER BY row_number LIMIT ? OFFSET ?""",
                ROW, importId, size, (long) page * size)
                : jdbc.query("""
                        SELECT * FROM import_row WHERE import_id = ? AND outcome = ? ORDER BY row_number
                        LIMIT ? OFFSET ?""", ROW, importId, outcome.name(), size, (long) page * size);
    }

    private final RowMapper<RowOutcome> ROW = (rs, i) -> new RowOutcome(rs.getInt("row_number"),
            Outcome.valueOf(rs.getString("outcome")), rs.getObject("person_id", UUID.class),
            rs.getObject("household_id", UUID.class), read(rs.getString("problems")));

    private static final RowMapper<Run> RUN = (rs, i) -> new Run(rs.getObject("import_id", UUID.class),
            rs.getString("file_name"), rs.getString("sha256"), rs.getString("format"), rs.getString("charset"),
            Ledger.valueOf(rs.getString("kind")), rs.getBoolean("dry_run"), rs.getString("actor"), Status.valueOf(rs.getString("status")),
            rs.getInt("total_rows"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                    .orElse(null), rs.getString("failure"),
            rs.getString("reverted_by") == null ? null : new Revert(rs.getString("reverted_by"),
                    rs.getObject("reverted_at", OffsetDateTime.class).toInstant(), rs.getString("revert_reason")));

    private String write(List<PersonRow.Problem> problems) {
        try {
            List<PersonRow.Problem> kept = problems;
            String text = json.writeValueAsString(kept);
            while (text.length() > MAX_PROBLEMS_TEXT && kept.size() > 1) {
                kept = kept.subList(0, kept.size() - 1);
                text = json.writeValueAsString(kept);
            }
            return text.length() > MAX_PROBLEMS_TEXT ? json.writeValueAsString(List.of(new PersonRow.Problem(
                    kept.get(0).column(), kept.get(0).code(), kept.get(0).message().substring(0, 1000)))) : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PersonRow.Problem> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
