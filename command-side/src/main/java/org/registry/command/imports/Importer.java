package org.registry.command.imports;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.registry.platform.eventstore.StoredEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.Commands;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.common.Ids;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonState;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports a ledger ({@link Ledger}: persons, floating residents, births, check-ups, benefit recipients), row by row,
 * through the command path every HTTP command takes (the gateway, the aggregates, the directory that keeps national
 * IDs unique), with the import's id, file name and hash in the metadata of every event. Rows go in chunks of
 * {@value #CHUNK_ROWS}, one transaction a chunk with its lookups read at once; a row the commands refuse sends its
 * chunk back to be imported row by row, a transaction each: a row refused by a rule records nothing, and the rows
 * before and after it stand. A dry run sends the same commands and rolls the transactions back, so it is judged by
 * exactly the rules of the real import and stores no fact; only its report is kept.
 *
 * <p>Rows whose national ID the register holds are matched, never registered again (a birth also by its mother, day
 * and sex; a check-up by its person, type and day; a recipient by an open claim of the programme): importing a file
 * twice records nothing the second time. Rows of one household (same community and household number) share it; a
 * household is founded by its first row an import registers, or found through a member already on the register.
 */
@Component
class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Rows imported in one transaction, their lookups read at once. */
    private static final int CHUNK_ROWS = 100;

    private final Commands commands;
    private final RecordDirectory directory;
    private final ImportRuns runs;
    private final TransactionTemplate transaction;
    private final CommandBus commandBus;
    private final EventStore eventStore;
    private final ObjectProvider<StoredEvents> storedEvents;
    private final Clock clock;

    Importer(Commands commands, RecordDirectory directory, ImportRuns runs, PlatformTransactionManager transactions,
             CommandBus commandBus, EventStore eventStore, ObjectProvider<StoredEvents> storedEvents, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.runs = runs;
        this.transaction = new TransactionTemplate(transactions);
        this.commandBus = commandBus;
        this.eventStore = eventStore;
        this.storedEvents = storedEvents;
        this.clock = clock;
    }

    /** The file to import, as received: stored where the import reads it, with its hash. */
    /** @param kind the kind of ledger asked for; null to find it from the file (LedgerFile) */
    record Upload(String fileName, String sha256, LedgerFile.Format format, java.nio.file.Path path,
                  java.nio.charset.Charset charset, Ledger kind) {
    }

    /** The reason given for the import, kept with every event it records. */
    private record Reason(@Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    /** A dry run rolls the commands back, which needs them handled in this thread's transaction. */
    void requireDryRunPossible() {
        if (!(commandBus instanceof SimpleCommandBus) || commandBus instanceof AsynchronousCommandBus) {
            throw RejectionException.conflict("DRY_RUN_UNAVAILABLE", "a dry run needs the commands handled in this "
                    + "process (no Axon Server command bus); import a copy into a test register instead");
        }
    }

    /** Counts the rows (and checks the header) before anything is recorded, so progress has a total. */
    int countRows(Upload upload) throws java.io.IOException {
        try (LedgerFile file = LedgerFile.open(upload.path(), upload.format(), upload.charset(), upload.kind());
             Stream<LedgerRow> rows = file.rows()) {
            return (int) rows.count();
        }
    }

    /** The longest name of an imported file kept with the import. */
    static final int FILE_NAME = 255;

    /** Copies a file's bytes to {@code out} (closing both), and answers their SHA-256, as kept with the import. */
    static String sha256(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream digesting = new DigestInputStream(in, digest); out) {
            digesting.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    UUID run(Upload upload, boolean dryRun, String reason, RegistryUser user, HttpServletRequest request)
            throws java.io.IOException {
        return run(upload, dryRun, reason, user, request, (importId, done, total) -> { });
    }


    /**
     * Imports the file; without an HTTP request (the command line) the import's id is the correlation id of every
     * event it records.
     */
    UUID run(Upload upload, boolean dryRun, String reason, RegistryUser user, HttpServletRequest request,
             RowsDone rowsDone) throws java.io.IOException {
        if (dryRun) {
            requireDryRunPossible();
        }
        int total = countRows(upload);
        UUID importId = Ids.next();
        Instant started = clock.instant();
        try (LedgerFile file = LedgerFile.open(upload.path(), upload.format(), upload.charset(), upload.kind());
             Stream<LedgerRow> rows = file.rows()) {
            runs.start(new ImportRuns.Run(importId, upload.fileName(), upload.sha256(), file.format().name(),
                    file.charset() == null ? null : file.charset().name(), file.ledger(), dryRun, user.name(),
                    ImportRuns.Status.RUNNING, total, started, null, null));
            Map<String, Object> metaData = new java.util.HashMap<>(Map.of(AuditMetaData.IMPORT_ID,
                    importId.toString(), AuditMetaData.IMPORT_FILE, upload.fileName(),
                    AuditMetaData.IMPORT_SHA256, upload.sha256()));
            if (request == null) {
                metaData.put(AuditMetaData.CORRELATION_ID, importId.toString());
            }
            Row context = new Row(importId, dryRun, new Reason(reason), request, metaData, user,
                    PersonLookups.direct(importId, runs, directory), RecordReads.direct(importId, runs, directory),
                    null);
            Progress progress = new Progress(importId, total, started, rowsDone);
            Ledger ledger = file.ledger();
            List<RowReader> chunk = new ArrayList<>(CHUNK_ROWS);
            Iterator<LedgerRow> read = rows.iterator();
            while (read.hasNext()) {
                LedgerRow row = read.next();
                chunk.add(switch (ledger) {
                    case PERSONS -> new PersonRow(row);
                    case FLOATING -> new PersonRow(row, Ledger.FLOATING);
                    case BIRTHS -> new BirthRow(row);
                    case CHECK_UPS -> new CheckUpRow(row, LocalDate.now(clock));
                    case RECIPIENTS -> new RecipientRow(row, LocalDate.now(clock));
                });
                if (chunk.size() == CHUNK_ROWS || !read.hasNext()) {
                    importChunk(context, chunk, progress);
                    chunk.clear();
                }
            }
            runs.finish(importId, ImportRuns.Status.DONE, clock.instant(), null);
            progress.done();
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", importId, upload.fileName(), e);
            runs.finish(importId, ImportRuns.Status.FAILED, clock.instant(), e.getMessage());
            throw e;
        }
        return importId;
    }

    /**
     * What a row is imported with; in a chunk, its facts are recorded in the chunk's transaction.
     */
    private record Row(UUID importId, boolean dryRun, Reason reason, HttpServletRequest request,
                       Map<String, Object> metaData, RegistryUser user, PersonLookups lookups, RecordReads reads,
                       Chunk chunk) {

        Row inChunk(PersonLookups lookups, RecordReads reads, Chunk chunk) {
            return new Row(importId, dryRun, reason, request, metaData, user, lookups, reads, chunk);
        }
    }

    /**
     * The outcomes a chunk's rows recorded (a dry run keeps them once the chunk's facts are rolled back). Rows of
     * persons, whose lookups are the chunk's, keep their outcomes and household mappings here until the chunk ends,
     * to be written in one batch each; those of births, check-ups and recipients are written at once, as an earlier
     * row that their chunk did not read ahead ({@link RecordReads}) is asked of the table. The facts of the persons
     * that rows of check-ups and recipients name are read for the chunk at once; a person whose record a row of the
     * chunk changes is read again by the next row that needs them.
     */
    private record Chunk(boolean deferred, List<ImportRuns.RowRecord> rows, List<ImportRuns.Mapping> mappings,
                         Map<PersonId, List<Fact>> records) {
    }

    /** One of a person's events, as a row of check-ups or recipients reads the person's record. */
    private record Fact(long sequence, Object payload) {
    }

    /**
     * Imports a chunk of rows in one transaction, their lookups read for the chunk at once. When the commands refuse
     * one of its rows (or another writer holds the same records), the whole chunk is rolled back and its rows are
     * imported again one by one, each in a transaction of its own, so that every row keeps its exact outcome. A dry
     * run rolls the chunk back and keeps only the outcomes.
     */
    private void importChunk(Row context, List<RowReader> rows, Progress progress) {
        List<PersonRow> persons = rows.stream().filter(PersonRow.class::isInstance).map(PersonRow.class::cast).toList();
        Chunk chunk = new Chunk(!persons.isEmpty(), new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        try {
            transaction.executeWithoutResult(status -> {
                Row inChunk = persons.isEmpty()
                        ? context.inChunk(context.lookups(), readAhead(context.importId(), rows, chunk), chunk)
                        : context.inChunk(PersonLookups.ofChunk(context.importId(), persons, runs, directory),
                                context.reads(), chunk);
                rows.forEach(row -> importRow(inChunk, row));
                if (context.dryRun()) {
                    status.setRollbackOnly();
                } else if (chunk.deferred()) {
                    runs.mapHouseholds(chunk.mappings());
                    runs.recordAll(chunk.rows());
                }
            });
        } catch (RowRefused | ConcurrencyException | PessimisticLockingFailureException | DuplicateKeyException e) {
            log.info("Import {}: rows {} to {} again one by one ({})", context.importId(), rows.get(0).number,
                    rows.get(rows.size() - 1).number, e.getMessage());
            rows.forEach(row -> {
                importRow(context, row);
                progress.rowDone();
            });
            return;
        }
        if (context.dryRun()) {
            runs.recordAll(chunk.rows());
        }
        rows.forEach(row -> progress.rowDone());
    }

    /**
     * What rows of births, check-ups and recipients read, for the chunk at once: the holders of the national IDs
     * they name (which the directory then answers from, in the chunk's transaction), where those live, the mothers'
     * children and the import's earlier rows ({@link RecordReads}), their records' events (which the commands then
     * load them from: mothers, fathers and the mothers' households, persons checked up or granted), and the facts of
     * the persons whose check-ups or claims they look at.
     */
    private RecordReads readAhead(UUID importId, List<RowReader> rows, Chunk chunk) {
        Map<NationalId, PersonId> holders = directory.holdersOf(rows.stream().flatMap(RowReader::nationalIds)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        List<PersonId> persons = holders.values().stream().distinct().toList();
        List<BirthRow> births = rows.stream().filter(BirthRow.class::isInstance).map(BirthRow.class::cast).toList();
        RecordReads reads = RecordReads.ofChunk(importId, runs, directory, persons,
                births.stream().map(birth -> holders.get(birth.motherId)).filter(Objects::nonNull).distinct().toList(),
                births.stream().filter(birth -> birth.nationalId != null).map(birth -> birth.nationalId.value())
                      .toList(),
                rows.stream().filter(row -> row.problems.isEmpty()).map(row -> row instanceof CheckUpRow checkUp
                        ? checkUp.key() : row instanceof RecipientRow recipient ? recipient.key() : null)
                    .filter(Objects::nonNull).toList());
        StoredEvents stored = storedEvents.getIfAvailable();
        if (stored == null) {
            return reads;
        }
        List<String> ids = persons.stream().map(PersonId::toString).toList();
        if (rows.stream().anyMatch(row -> row instanceof CheckUpRow || row instanceof RecipientRow)) {
            stored.ofRecordsReadAhead(ids).forEach(
                    (id, events) -> chunk.records().put(new PersonId(UUID.fromString(id)), events.stream()
                            .map(event -> new Fact(event.sequence(), event.payload())).toList()));
            return reads;
        }
        // the household of a birth is the mother's, unless the row names one the import registered
        Stream<String> households = births.stream().filter(birth -> !birth.namesHousehold())
                .map(birth -> holders.get(birth.motherId)).filter(Objects::nonNull)
                .flatMap(mother -> reads.householdOf(mother).stream()).map(HouseholdId::toString).distinct();
        stored.readAhead(Stream.concat(ids.stream(), households).toList());
        return reads;
    }

    /** The person's facts: as the chunk read them ahead, else from the store. */
    private List<Fact> factsOf(Row context, PersonId person) {
        List<Fact> facts = context.chunk() == null ? null : context.chunk().records().get(person);
        return facts != null ? facts : eventStore.readEvents(person.toString()).asStream()
                .map((DomainEventMessage<?> event) -> new Fact(event.getSequenceNumber(), event.getPayload())).toList();
    }

    /** A row of a chunk the commands refused: the chunk is imported again row by row. */
    private static final class RowRefused extends RuntimeException {
        RowRefused(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private void importRow(Row context, RowReader row) {
        if (row instanceof PersonRow person) {
            importRow(context, person);
        } else if (row instanceof BirthRow birth) {
            importBirth(context, birth);
        } else if (row instanceof CheckUpRow checkUp) {
            importCheckUp(context, checkUp);
        } else {
            importRecipient(context, (RecipientRow) row);
        }
    }

    private void record(Row context, ImportRuns.RowRecord row) {
        if (context.chunk() == null || !context.chunk().deferred()) {
            runs.record(row);
        }
        if (context.chunk() != null) {
            context.chunk().rows().add(row);
        }
        context.lookups().recorded(row);
        context.reads().recorded(row);
    }

    /** The import founded a household for a row's community and household number, or found it through a member. */
    private void map(Row context, PersonRow row, HouseholdId household) {
        ImportRuns.Mapping mapping = new ImportRuns.Mapping(row.community.value(), row.householdNumber, household,
                context.importId());
        if (context.chunk() != null && context.chunk().deferred()) {
            context.chunk().mappings().add(mapping);
        } else {
            runs.mapHouseholds(List.of(mapping));
        }
        context.lookups().mapped(row.householdKey(), household, row.community);
    }

    private void record(Row context, PersonRow row, ImportRuns.Outcome outcome, HouseholdId household,
                        PersonId person, List<PersonRow.Problem> problems) {
        record(context, ImportRuns.RowRecord.of(context.importId(), row, outcome, household, person, problems));
    }

    private void record(Row context, BirthRow row, ImportRuns.Outcome outcome, HouseholdId household, PersonId child,
                        List<PersonRow.Problem> problems) {
        record(context, ImportRuns.RowRecord.of(context.importId(), row, outcome, household, child, problems));
    }

    private void importRow(Row context, PersonRow row) {
        List<PersonRow.Problem> problems = new ArrayList<>(row.problems);
        if (row.nationalId != null) {
            context.lookups().earlierRowWith(row.nationalId.value()).ifPresent(earlier -> problems.add(
                    new PersonRow.Problem(Column.NATIONAL_ID.label(), "DUPLICATE_IN_FILE",
                            "national ID " + row.nationalId + " is on row " + earlier + " of the file already")));
            Optional<PersonId> holder = problems.isEmpty() ? context.lookups().holderOf(row.nationalId)
                    : Optional.empty();
            if (holder.isPresent()) {
                matched(context, row, holder.get());
                return;
            }
        }
        if (row.community != null && !context.user().scope().covers(row.community)) {
            problems.add(new PersonRow.Problem(Column.COMMUNITY_CODE.label(), "OUTSIDE_AREA_SCOPE",
                    "user '" + context.user().name() + "' may act only in area(s) " + context.user().scope()
                            + ", not in " + row.community));
        }
        if (!problems.isEmpty()) {
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, problems);
            return;
        }
        HouseholdId existing = context.lookups().mappedHousehold(row.householdKey()).orElse(null);
        ImportRuns.KnownHousehold known = context.lookups().household(row.householdKey());
        if (existing == null) {
            existing = known.onRegister();
        }
        // a household on the register may have moved since: the clerk must act where it is now
        Optional<CommunityCode> now = existing == null ? Optional.empty()
                : context.lookups().communityOf(existing);
        if (now.isPresent() && !context.user().scope().covers(now.get())) {
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, List.of(
                    new PersonRow.Problem(Column.COMMUNITY_CODE.label(), "OUTSIDE_AREA_SCOPE", "household "
                            + row.householdNumber + " lives in " + now.get() + " now, outside the areas of user '"
                            + context.user().name() + "'")));
            return;
        }
        if (existing == null && known.foundedInThisRun() && known.hasHead() && row.relation == RelationToHead.HEAD) {
            // in a dry run the household an earlier row founded is not there to refuse a second head: say it here
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, List.of(
                    new PersonRow.Problem(Column.RELATION_TO_HEAD.label(), "HOUSEHOLD_HAS_HEAD",
                            "household " + row.householdNumber + " has a head on an earlier row of the file")));
            return;
        }
        HouseholdId household = existing;
        HouseholdId into = household != null ? household : new HouseholdId(Ids.next());
        PersonId person = new PersonId(Ids.next());
        Outcomes outcomes = (outcome, found) -> record(context, row, outcome, switch (outcome) {
            case REGISTERED -> into;
            case VALID -> household;
            case MATCHED, REJECTED -> null;
        }, outcome == ImportRuns.Outcome.REGISTERED ? person : null, found);
        commit(context, () -> {
            if (household == null) {
                send(context, row.household(into));
                if (!context.dryRun()) {
                    map(context, row, into);
                }
            }
            send(context, row.person(person, into));
        }, outcomes, e -> PersonRow.Problem.of(e,
                e.rejection().code().equals("HOUSEHOLD_HAS_HEAD") ? Column.RELATION_TO_HEAD : null));
    }

    /**
     * A birth of the file: matched when the register holds the child (by national ID, or a child of the mother born
     * the same day with the same sex that no earlier row of the import took), else recorded as {@code POST
     * /api/births} records it, the clerk acting in the areas of the mother, the father and the household.
     */
    private void importBirth(Row context, BirthRow row) {
        List<PersonRow.Problem> problems = new ArrayList<>(row.problems);
        if (row.nationalId != null) {
            context.reads().earlierRowWith(row.nationalId.value()).ifPresent(earlier -> problems.add(
                    new PersonRow.Problem(Column.NATIONAL_ID.label(), "DUPLICATE_IN_FILE",
                            "national ID " + row.nationalId + " is on row " + earlier + " of the file already")));
        }
        PersonId mother = row.motherId == null ? null : registered(row.motherId, Column.MOTHER_NATIONAL_ID,
                "MOTHER_NOT_FOUND", context, problems);
        PersonId father = row.fatherId == null ? null : registered(row.fatherId, Column.FATHER_NATIONAL_ID,
                "FATHER_NOT_FOUND", context, problems);
        if (!problems.isEmpty()) {
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, problems);
            return;
        }
        Optional<PersonId> known = row.nationalId == null ? Optional.empty() : directory.holderOf(row.nationalId);
        if (known.isEmpty()) {
            known = context.reads().childrenOf(mother).stream()
                             .filter(child -> child.birthDate().equals(row.birthDate()) && child.sex() == row.sex())
                             .map(RecordDirectory.Relative::personId)
                             .filter(child -> !context.reads().bornHere(child)
                                     && !runs.hasPerson(context.importId(), child)).findFirst();
        }
        if (known.isPresent()) {
            record(context, row, ImportRuns.Outcome.MATCHED,
                    context.reads().householdOf(known.get()).orElse(null), known.get(), List.of());
            return;
        }
        HouseholdId household = row.namesHousehold()
                ? runs.mappedHousehold(row.community.value(), row.householdNumber).orElse(null)
                : context.reads().householdOf(mother).orElse(null);
        if (household == null) {
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, List.of(
                    new PersonRow.Problem(row.namesHousehold() ? Column.HOUSEHOLD_NUMBER.label()
                            : Column.MOTHER_NATIONAL_ID.label(), "HOUSEHOLD_NOT_FOUND", row.namesHousehold()
                            ? "no import registered household " + row.householdNumber + " of " + row.community
                            : "the mother lives in no household on the register; name the child's household")));
            return;
        }
        Optional<CommunityCode> where = context.reads().communityOf(household);
        if (where.isPresent() && !context.user().scope().covers(where.get())) {
            record(context, row, ImportRuns.Outcome.REJECTED, null, null, List.of(
                    new PersonRow.Problem(row.namesHousehold() ? Column.COMMUNITY_CODE.label()
                            : Column.MOTHER_NATIONAL_ID.label(), "OUTSIDE_AREA_SCOPE", "the child's household "
                            + "lives in " + where.get() + ", outside the areas of user '" + context.user().name()
                            + "'")));
            return;
        }
        PersonId child = new PersonId(Ids.next());
        commit(context, () -> send(context, row.birth(child, mother, father, household)),
                (outcome, found) -> {
                    if (outcome != ImportRuns.Outcome.REJECTED) {
                        context.reads().born(mother, father, child);
                    }
                    record(context, row, outcome, outcome == ImportRuns.Outcome.REJECTED ? null : household,
                            outcome == ImportRuns.Outcome.REGISTERED ? child : null, found);
                },
                e -> PersonRow.Problem.of(e, null));
    }

    /**
     * A check-up of the file: matched when the person's record holds a check-up of the same type on the same day,
     * else recorded as {@code POST /api/persons/{personId}/check-ups} records it, the clerk acting in the person's area.
     */
    private void importCheckUp(Row context, CheckUpRow row) {
        Named named = named(context, row, row.nationalId, row::key, Column.CHECK_UP_DATE,
                "the same check-up (person, type and day) is");
        if (named == null) {
            return;
        }
        boolean recorded = factsOf(context, named.person()).stream()
                .anyMatch(fact -> fact.payload() instanceof CheckUpRecorded checkUp
                        && checkUp.type() == row.type() && checkUp.date().equals(row.date()));
        if (recorded) {
            record(context, named, ImportRuns.Outcome.MATCHED, List.of());
            return;
        }
        commit(context, () -> sendOn(context, named.person(), row.checkUp(named.person(),
                        new CheckUpId(Ids.next()))),
                (outcome, found) -> record(context, named, outcome, found), CheckUpRow::problem);
    }

    /**
     * A benefit recipient of the file: matched when the person's record holds an open or granted claim of the
     * programme, else the grant is brought in on the person's record, which refuses it when the person is not
     * eligible on the import day; the clerk acts in the person's area. The basis names the import.
     */
    private void importRecipient(Row context, RecipientRow row) {
        Named named = named(context, row, row.nationalId, row::key, Column.PROGRAMME,
                "the same recipient (person and programme) is");
        if (named == null) {
            return;
        }
        PersonState record = PersonState.empty(named.person());
        for (Fact fact : factsOf(context, named.person())) {
            record = record.when(fact.payload(), fact.sequence(), 0);
        }
        if (record.claims().values().stream().anyMatch(claim -> claim.programme() == row.programme
                && claim.status().open())) {
            record(context, named, ImportRuns.Outcome.MATCHED, List.of());
            return;
        }
        String importName = "奖励扶助对象导入 import " + context.importId() + "（"
                + context.metaData().get(AuditMetaData.IMPORT_FILE) + "）";
        commit(context, () -> sendOn(context, named.person(), row.grant(named.person(),
                        new ClaimId(Ids.next()), importName)),
                (outcome, found) -> record(context, named, outcome, found),
                e -> PersonRow.Problem.among(e, Ledger.RECIPIENTS));
    }

    /** The person a row of check-ups or recipients names, and the row's key among the file's rows. */
    private record Named(RowReader row, NationalId nationalId, PersonId person, String key) {
    }

    /** Keeps the outcome of a row of check-ups or recipients, naming the person unless the row is refused. */
    private void record(Row context, Named named, ImportRuns.Outcome outcome, List<PersonRow.Problem> problems) {
        record(context, ImportRuns.RowRecord.keyed(context.importId(), named.row(), named.nationalId(), named.key(),
                outcome, outcome == ImportRuns.Outcome.REJECTED ? null : named.person(), problems));
    }

    /**
     * The person on the register the row names, in the clerk's areas, and the row's key, when no earlier row of the
     * file has the same key; else the row is recorded as refused ({@code PERSON_NOT_FOUND}, {@code
     * OUTSIDE_AREA_SCOPE}, {@code DUPLICATE_IN_FILE} at {@code keyColumn}: "{@code same} on row N of the file
     * already") and the answer is null.
     */
    private Named named(Row context, RowReader row, NationalId nationalId, Supplier<String> key, Column keyColumn,
                        String same) {
        List<PersonRow.Problem> problems = new ArrayList<>(row.problems);
        PersonId person = nationalId == null ? null : registered(nationalId, Column.NATIONAL_ID,
                "PERSON_NOT_FOUND", context, problems);
        String rowKey = problems.isEmpty() ? key.get() : null;
        if (rowKey != null) {
            context.reads().earlierRowWithKey(rowKey).ifPresent(earlier -> problems.add(
                    new PersonRow.Problem(keyColumn.label(), "DUPLICATE_IN_FILE", same + " on row " + earlier
                            + " of the file already")));
        }
        Named named = new Named(row, nationalId, person, rowKey);
        if (problems.isEmpty()) {
            return named;
        }
        record(context, named, ImportRuns.Outcome.REJECTED, problems);
        return null;
    }

    /** How a row's outcome is kept, by the kind of its ledger. */
    private interface Outcomes {
        void record(ImportRuns.Outcome outcome, List<PersonRow.Problem> problems);
    }

    /**
     * Records a row's facts in a transaction of their own, rolled back in a dry run, and keeps its outcome:
     * {@code REGISTERED} in that transaction, {@code VALID} after a dry run's, or {@code REJECTED} with the refusal
     * the commands answered (or another writer on the same records at the same moment: the import goes on).
     */
    private void commit(Row context, Runnable facts, Outcomes outcomes,
                        Function<RejectionException, PersonRow.Problem> refusal) {
        if (context.chunk() != null) {
            try {
                facts.run();
            } catch (RejectionException | ConcurrencyException | PessimisticLockingFailureException
                     | DuplicateKeyException e) {
                throw new RowRefused(e);
            }
            outcomes.record(context.dryRun() ? ImportRuns.Outcome.VALID : ImportRuns.Outcome.REGISTERED, List.of());
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                facts.run();
                if (context.dryRun()) {
                    status.setRollbackOnly();
                } else {
                    outcomes.record(ImportRuns.Outcome.REGISTERED, List.of());
                }
            });
        } catch (RejectionException e) {
            outcomes.record(ImportRuns.Outcome.REJECTED, List.of(refusal.apply(e)));
            return;
        } catch (ConcurrencyException | PessimisticLockingFailureException | DuplicateKeyException e) {
            outcomes.record(ImportRuns.Outcome.REJECTED, List.of(new PersonRow.Problem(null,
                    "CONCURRENT_MODIFICATION", "another request changed the same records at the same moment; import "
                    + "the file again")));
            return;
        }
        if (context.dryRun()) {
            outcomes.record(ImportRuns.Outcome.VALID, List.of());
        }
    }

    /** The person on the register holding a national ID the row names, in the clerk's areas; else a problem. */
    private PersonId registered(NationalId nationalId, Column column, String notFound, Row context,
                                List<PersonRow.Problem> problems) {
        Optional<PersonId> holder = directory.holderOf(nationalId);
        if (holder.isEmpty()) {
            problems.add(new PersonRow.Problem(column.label(), notFound, "no person on the register holds national ID "
                    + nationalId));
            return null;
        }
        Optional<CommunityCode> where = context.reads().communityOf(holder.get());
        if (where.isPresent() && !context.user().scope().covers(where.get())) {
            problems.add(new PersonRow.Problem(column.label(), "OUTSIDE_AREA_SCOPE", "the holder of national ID "
                    + nationalId + " lives in " + where.get() + ", outside the areas of user '"
                    + context.user().name() + "'"));
            return null;
        }
        return holder.get();
    }

    /** The register holds the row's national ID: the person is not registered again. */
    private void matched(Row context, PersonRow row, PersonId holder) {
        HouseholdId household = directory.householdOf(holder).orElse(null);
        if (!context.dryRun() && household != null && row.community != null && row.householdNumber != null
                && context.lookups().mappedHousehold(row.householdKey()).isEmpty()
                && context.lookups().communityOf(household).filter(row.community::equals).isPresent()) {
            map(context, row, household);
        }
        // the ID's holder is the row's person; where the register says otherwise, one of the two is wrong: say so
        List<PersonRow.Problem> differences = new ArrayList<>();
        directory.find(holder).ifPresent(known -> {
            if (known.sex() != row.sex()) {
                differences.add(new PersonRow.Problem(Column.SEX.label(), "MATCH_DIFFERS", "the register has "
                        + known.sex() + " for the holder of national ID " + row.nationalId + ", the row " + row.sex()));
            }
            if (!known.birthDate().equals(row.birthDate())) {
                differences.add(new PersonRow.Problem(Column.BIRTH_DATE.label(), "MATCH_DIFFERS", "the register has "
                        + known.birthDate() + " for the holder of national ID " + row.nationalId + ", the row "
                        + row.birthDate()));
            }
        });
        record(context, row, ImportRuns.Outcome.MATCHED, household, holder, differences);
    }

    /** Sends a command; a refusal comes back as the rejection it is, as the HTTP commands answer it. */
    private void send(Row context, Object command) {
        try {
            commands.sendWithAudit(command, context.reason(), context.request(), context.metaData());
        } catch (CommandExecutionException e) {
            throw e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                   .map(RejectionException::new).orElseThrow(() -> e);
        }
    }

    /** Sends a command on a person's record, which a later row of the chunk then reads again. */
    private void sendOn(Row context, PersonId person, Object command) {
        if (context.chunk() != null) {
            context.chunk().records().remove(person);
        }
        send(context, command);
    }

    /** Rows per second and the time left, in the log every few seconds. */
    private final class Progress {

        private final UUID importId;
        private final int total;
        private final Instant started;
        private final RowsDone rowsDone;
        private int done;
        private Instant logged;

        Progress(UUID importId, int total, Instant started, RowsDone rowsDone) {
            this.importId = importId;
            this.total = total;
            this.started = started;
            this.rowsDone = rowsDone;
            this.logged = started;
        }

        void rowDone() {
            done++;
            rowsDone.rowsDone(importId, done, total);
            Instant now = clock.instant();
            if (Duration.between(logged, now).compareTo(PROGRESS_EVERY) >= 0) {
                logged = now;
                Rate rate = Rate.of(done, total, started, now);
                log.info("Import {}: {} of {} rows, {} rows/s, about {} s left", importId, done, total,
                        rate.perSecond(), rate.secondsLeft());
            }
        }

        void done() {
            log.info("Import {}: {} rows in {} s", importId, done,
                    Duration.between(started, clock.instant()).toMillis() / 1000.0);
        }
    }

    /** How fast an import goes, and how long it has left at that pace (null before it can tell). */
    record Rate(double perSecond, Long secondsLeft) {

        static Rate of(long done, long total, Instant started, Instant now) {
            double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
            double perSecond = Math.round(done / seconds * 10) / 10.0;
            Long left = done == 0 ? null : Math.round((total - done) / (done / seconds));
            return new Rate(perSecond, left);
        }
    }
}
