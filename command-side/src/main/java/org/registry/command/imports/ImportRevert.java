package org.registry.command.imports;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.registry.command.api.CommandOutcome;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.Commands;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.EnterHouseholdInError;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.person.EnterPersonInError;
import org.registry.kernel.person.PersonId;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.security.RegistryUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes an import back (api.md, "Imports"): the records it registered are entered in error, with the reason, by new
 * facts; nothing is deleted from the store. It is all or nothing, in one transaction: every record is checked first,
 * and when a later fact depends on any of them (a birth with the person as mother, a move, a check-up, a claim, a
 * correction; a member of a household the import did not register) nothing is changed and the blocking records are
 * named. The aggregates check the same rule again as the facts are recorded, so a fact recorded meanwhile refuses the
 * revert too. Rows matched to persons already on the register are untouched.
 */
@Component
class ImportRevert {

    /** A record the revert would take back, and the first later fact that depends on it. */
    record Blocker(String recordType, UUID recordId, String blockedBy, Long position, Instant recordedAt) {
    }

    /** Refusal of a revert a later fact depends on: 409 IMPORT_REVERT_BLOCKED, naming every blocking record. */
    static final class Blocked extends RuntimeException {

        final transient List<Blocker> blockers;

        Blocked(List<Blocker> blockers) {
            super(blockers.size() + " record(s) of the import have later facts that depend on them", null, false,
                    false);
            this.blockers = List.copyOf(blockers);
        }
    }

    /** What a revert took back, and the position of the last fact it recorded. */
    record Outcome(int persons, int households, long position) {
    }

    /** One fact on a record, as the revert needs it: its type, where and when it was stored, by which import. */
    private record Fact(long sequence, String type, Object payload, Long position, Instant recordedAt,
                        String importId) {
    }

    private final ImportRuns runs;
    private final Commands commands;
    private final ObjectProvider<StoredEvents> storedEvents;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportRevert(ImportRuns runs, Commands commands, ObjectProvider<StoredEvents> storedEvents, EventStore eventStore,
                 PlatformTransactionManager transactions, Clock clock) {
        this.runs = runs;
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @param why the request, whose reason is kept with every fact of the revert */
    Outcome revert(ImportRuns.Run run, CommandRequest why, RegistryUser user, HttpServletRequest request) {
        String reason = why.reason().strip();
        if (run.dryRun()) {
            throw RejectionException.conflict("IMPORT_DRY_RUN", "import " + run.importId()
                    + " was a dry run: it recorded nothing to take back");
        }
        if (run.kind() != Ledger.PERSONS && run.kind() != Ledger.FLOATING) {
            // a birth is a fact on the mother's (and father's) record too, a check-up or a benefit grant one on a
            // record the import did not register: no fact of the register takes them back
            throw RejectionException.conflict("IMPORT_REVERT_UNSUPPORTED", "import " + run.importId() + " is of "
                    + run.kind().english + ": only an import of persons (or floating residents) can be taken back; "
                    + "correct its records one by one");
        }
        return transaction.execute(status -> {
            // the row lock of the run's update keeps a second revert of the import waiting, then refused
            if (!runs.revert(run.importId(), new ImportRuns.Revert(user.name(), clock.instant(), reason))) {
                throw runs.find(run.importId()).map(ImportRuns.Run::status).orElse(null) == ImportRuns.Status.RUNNING
                        ? RejectionException.conflict("IMPORT_RUNNING", "import " + run.importId()
                                + " is still running; take it back when it is done")
                        : RejectionException.conflict("IMPORT_ALREADY_REVERTED", "import " + run.importId()
                                + " was taken back already");
            }
            List<ImportRuns.Registered> persons = runs.registered(run.importId());
            String importId = run.importId().toString();
            List<Blocker> blockers = new ArrayList<>();
            Map<String, List<Fact>> personFacts = facts(persons.stream().map(person -> person.personId().toString())
                                                               .toList());
            for (ImportRuns.Registered person : persons) {
                // the registration is the import's one fact on the person's record: anything after it depends on it
                personFacts.get(person.personId().toString()).stream().filter(fact -> fact.sequence() > 0)
                           .findFirst()
                           .ifPresent(fact -> blockers.add(blocker("PERSON", person.personId().value(), fact)));
            }
            List<HouseholdId> founded = new ArrayList<>();
            Set<HouseholdId> households = new LinkedHashSet<>(persons.stream().map(ImportRuns.Registered::householdId)
                                                                     .toList());
            Map<String, List<Fact>> householdFacts = facts(households.stream().map(HouseholdId::toString).toList());
            for (HouseholdId household : households) {
                List<Fact> facts = householdFacts.get(household.toString());
                if (facts.isEmpty() || !importId.equals(facts.get(0).importId())) {
                    continue; // a household on the register before: it only drops the import's members
                }
                founded.add(household);
                notOfImport(facts, importId).stream().findFirst()
                        .ifPresent(fact -> blockers.add(blocker("HOUSEHOLD", household.value(), fact)));
            }
            if (!blockers.isEmpty()) {
                throw new Blocked(blockers);
            }
            List<CommandOutcome> outcomes = new ArrayList<>();
            for (ImportRuns.Registered person : persons) {
                outcomes.add(send(new EnterPersonInError(person.personId(), run.importId(), reason), why, request));
            }
            for (HouseholdId household : founded) {
                outcomes.add(send(new EnterHouseholdInError(household, run.importId(), reason), why, request));
            }
            runs.forgetHouseholds(run.importId(), founded);
            return new Outcome(persons.size(), founded.size(), commands.positionOf(outcomes));
        });
    }

    /**
     * The facts of a household the import founded that are not the import's own: all but its registration, the
     * joining of members the import registered, and members' records entered in error (with their joining).
     */
    private static List<Fact> notOfImport(List<Fact> facts, String importId) {
        Set<PersonId> enteredInError = new HashSet<>();
        facts.forEach(fact -> {
            if (fact.payload() instanceof MemberEnteredInError event) {
                enteredInError.add(event.personId());
            }
        });
        return facts.stream().skip(1).filter(fact -> !importId.equals(fact.importId()))
                    .filter(fact -> !(fact.payload() instanceof MemberEnteredInError))
                    .filter(fact -> !(fact.payload() instanceof MemberJoinedHousehold joined
                            && enteredInError.contains(joined.personId())))
                    .toList();
    }

    private static Blocker blocker(String recordType, UUID recordId, Fact fact) {
        return new Blocker(recordType, recordId, fact.type(), fact.position(), fact.recordedAt());
    }

    /** Records whose facts are read in one query. */
    private static final int RECORDS_A_READ = 500;

    /**
     * Every fact of each record, by record: with its global position where the store is this database (read
     * {@value #RECORDS_A_READ} records a query), else without (a record a read).
     */
    private Map<String, List<Fact>> facts(List<String> aggregateIds) {
        Map<String, List<Fact>> facts = new HashMap<>();
        StoredEvents stored = storedEvents.getIfAvailable();
        for (int from = 0; from < aggregateIds.size(); from += RECORDS_A_READ) {
            List<String> ids = aggregateIds.subList(from, Math.min(from + RECORDS_A_READ, aggregateIds.size()));
            if (stored != null) {
                stored.ofRecords(ids).forEach((id, events) -> facts.put(id, events.stream().map(event -> new Fact(
                        event.sequence(), event.type(), event.payload(), event.position(), event.recordedAt(),
                        text(event.metaData().get(AuditMetaData.IMPORT_ID)))).toList()));
                continue;
            }
            ids.forEach(id -> facts.put(id, eventStore.readEvents(id).asStream().map((DomainEventMessage<?> event) ->
                    new Fact(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getPayload(),
                            null, event.getTimestamp(), text(event.getMetaData().get(AuditMetaData.IMPORT_ID))))
                    .toList()));
        }
        return facts;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private CommandOutcome send(Object command, CommandRequest reason, HttpServletRequest request) {
        try {
            return commands.sendWithAudit(command, reason, request, Map.of());
        } catch (CommandExecutionException e) {
            throw e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                   .map(RejectionException::new).orElseThrow(() -> e);
        }
    }
}
