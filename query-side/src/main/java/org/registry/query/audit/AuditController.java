package org.registry.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.audit.BusinessDates;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdEvent;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonEvent;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.query.PageView;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.eventstore.StoredEvents.StoredEvent;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.Text;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The audit trail (auditors and administrators, every area): a record's every event in order, the record as it
 * stood at any past instant, and what one user recorded in a period. The trail and the state are read from the
 * event store itself, the source of truth, so they are never behind; only the per-user list goes through an index
 * ({@link ActorIndex}).
 *
 * <p>A record's trail is its own stream: the facts recorded on it. What a change of one record did to another is on
 * the other's trail (a birth is on the child's trail as {@code BirthRegistered}, on the mother's as
 * {@code BecameParent}, and on the household's as {@code MemberJoinedHousehold}), each entry naming its
 * {@code correlationId}, which ties together everything one request recorded.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
class AuditController {

    /** The bounds of an open period: what SQL timestamps hold on both databases. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final ObjectProvider<StoredEvents> store;
    private final PersonalDataMasking masking;
    private final ActorIndex actors;
    private final ZoneId zone;

    AuditController(ObjectProvider<StoredEvents> store, PersonalDataMasking masking, ActorIndex actors, Clock clock) {
        this.store = store;
        this.masking = masking;
        this.actors = actors;
        this.zone = clock.getZone();
    }

    /** What kind of record a path names: its events, and the error for an unknown id. */
    private enum Kind {
        PERSON(PersonEvent.class, "PERSON_NOT_FOUND", "person"),
        HOUSEHOLD(HouseholdEvent.class, "HOUSEHOLD_NOT_FOUND", "household");

        final Class<?> events;
        final String notFound;
        final String noun;

        Kind(Class<?> events, String notFound, String noun) {
            this.events = events;
            this.notFound = notFound;
            this.noun = noun;
        }

        RejectionException unknown(String id) {
            return RejectionException.notFound(notFound, "no " + noun + " with id " + id);
        }
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "Every event of a person's record, in order, with who recorded it, when and why")
    List<AuditEntry> personTrail(@PathVariable String personId) {
        return trail(Kind.PERSON, PersonId.of(personId).toString());
    }

    @GetMapping("/households/{householdId}")
    @Operation(summary = "Every event of a household's record, in order, with who recorded it, when and why")
    List<AuditEntry> householdTrail(@PathVariable String householdId) {
        return trail(Kind.HOUSEHOLD, HouseholdId.of(householdId).toString());
    }

    @GetMapping("/persons/{personId}/state")
    @Operation(summary = "The person as the register held it at an instant (asOf: ISO date-time, or a date for its "
            + "end in the offices' zone), in the shape of GET /api/persons/{id}. asOf is when facts were recorded, "
            + "not the dates they carry: before the first recording, 404 NOT_YET_RECORDED names that instant")
    JsonNode personAsOf(@PathVariable String personId, @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String asOf) {
        PersonId id = PersonId.of(personId);
        return stateAsOf(Kind.PERSON, id.toString(), asOf, (register, instant) -> register.person(id, instant));
    }

    /**
     * The person as of each entry of their trail ({@link #personTrail}), as {@link #personAsOf} answers for the
     * instant the entry was recorded: the console's slider, folded once rather than once an entry.
     */
    List<JsonNode> personAfterEachEntry(String personId) {
        PersonId id = PersonId.of(personId);
        requireKind(Kind.PERSON, id.toString());
        return new RegisterAsOf(store()).personAfterEach(id).stream()
                                        .map(person -> masking.toJson(person, CurrentUser.get())).toList();
    }

    @GetMapping("/households/{householdId}/state")
    @Operation(summary = "The household as the register held it at an instant, in the shape of "
            + "GET /api/households/{id}; asOf as for a person")
    JsonNode householdAsOf(@PathVariable String householdId, @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String asOf) {
        HouseholdId id = HouseholdId.of(householdId);
        return stateAsOf(Kind.HOUSEHOLD, id.toString(), asOf, (register, instant) -> register.household(id, instant));
    }

    /**
     * A record as the register held it at {@code asOf}, masked for the caller; where it did not stand then, why:
     * entered in error, or not yet recorded.
     */
    private JsonNode stateAsOf(Kind kind, String id, String asOf,
                               BiFunction<RegisterAsOf, Instant, ? extends Optional<?>> read) {
        Instant instant = Instants.endOf(asOf, "asOf", zone);
        List<StoredEvent> events = requireKind(kind, id);
        return masking.toJson(read.apply(new RegisterAsOf(store()), instant).orElseThrow(() ->
                enteredInError(kind, events, instant).orElseGet(() -> notYetRecorded(kind, events, instant))),
                CurrentUser.get());
    }

    /**
     * The record was entered in error (an import taken back) at or before {@code asOf}: from then on it is not on the
     * register, {@code 404 RECORD_ENTERED_IN_ERROR} naming the instant ({@code enteredInErrorAt}).
     */
    private Optional<RejectionException> enteredInError(Kind kind, List<StoredEvent> events, Instant asOf) {
        return events.stream().filter(event -> !event.recordedAt().isAfter(asOf))
                     .filter(event -> event.payload() instanceof PersonEnteredInError
                             || event.payload() instanceof HouseholdEnteredInError)
                     .findFirst()
                     .map(event -> new RejectionException(new Rejection(RejectionKind.NOT_FOUND,
                             "RECORD_ENTERED_IN_ERROR", "the " + kind.noun + " " + event.aggregateId()
                             + " was entered in error at " + event.recordedAt().atZone(zone).toOffsetDateTime()
                             + " (an import taken back): from then on it is not on the register; ask for an earlier "
                             + "asOf", "asOf", Map.of("enteredInErrorAt", event.recordedAt().toString()))));
    }

    /**
     * The record exists, but was recorded after {@code asOf}. Said in plain words, because the two clocks are easily
     * confused: a household registered today with the date 2020-01-01 was not on the register last week.
     */
    private RejectionException notYetRecorded(Kind kind, List<StoredEvent> events, Instant asOf) {
        StoredEvent first = events.get(0);
        String dated = BusinessDates.of(first.payload(), zone)
                                    .map(day -> " (its first fact, " + first.type() + ", is dated " + day + ")")
                                    .orElse("");
        return new RejectionException(new Rejection(RejectionKind.NOT_FOUND, "NOT_YET_RECORDED",
                "the " + kind.noun + " " + first.aggregateId() + " was first recorded at "
                        + first.recordedAt().atZone(zone).toOffsetDateTime() + ", after asOf "
                        + asOf.atZone(zone).toOffsetDateTime() + dated + ". asOf is the instant facts were recorded, "
                        + "not the day they happened: ask for an instant at or after the first recording",
                "asOf", Map.of("firstRecordedAt", first.recordedAt().toString())));
    }

    @GetMapping
    @ReadsFrom(ActorIndex.NAME)
    @Operation(summary = "What one user recorded in a period (from/to: date-times, or dates in the offices' zone), "
            + "oldest first; paged from 0")
    PageView<AuditEntry> byActor(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String actor,
                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String from,
                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String to,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        if (actor == null || actor.isBlank()) {
            throw RejectionException.invalid("actor", "VALIDATION_FAILED", "actor (a user name) is required");
        }
        Instant start = from == null ? EARLIEST : Instants.startOf(from, "from", zone);
        Instant end = to == null ? LATEST : Instants.endOf(to, "to", zone);
        if (end.isBefore(start)) {
            throw RejectionException.invalid("to", "VALIDATION_FAILED", "to lies before from");
        }
        Paging paging = Paging.of(page, size);
        boolean mask = PersonalDataMasking.masksFor(CurrentUser.get());
        List<AuditEntry> items = store().atPositions(actors.positions(actor.strip(), start, end, paging)).stream()
                                        .map(event -> entry(event, mask))
                                        .toList();
        return new PageView<>(items, paging.page(), paging.size(), actors.count(actor.strip(), start, end));
    }

    private List<AuditEntry> trail(Kind kind, String id) {
        List<StoredEvent> events = store().ofRecord(id);
        requireKind(kind, id, events);
        boolean mask = PersonalDataMasking.masksFor(CurrentUser.get());
        return events.stream().map(event -> entry(event, mask)).toList();
    }

    private List<StoredEvent> requireKind(Kind kind, String id) {
        List<StoredEvent> events = store().ofRecord(id);
        requireKind(kind, id, events);
        return events;
    }

    /** An id of a household asked for as a person (or the reverse) is as unknown as an id of nothing. */
    private static void requireKind(Kind kind, String id, List<StoredEvent> events) {
        if (events.isEmpty() || !kind.events.isInstance(events.get(0).payload())) {
            throw kind.unknown(id);
        }
    }

    AuditEntry entry(StoredEvent event, boolean mask) {
        Map<String, Object> metaData = masking.metaData(event.metaData(), mask);
        return new AuditEntry(event.position(), event.sequence(), event.type(),
                BusinessDates.of(event.payload(), zone).orElse(null), event.recordedAt(),
                text(metaData, AuditMetaData.ACTOR), text(metaData, AuditMetaData.ROLE),
                text(metaData, AuditMetaData.REASON), text(metaData, AuditMetaData.CORRELATION_ID),
                text(metaData, AuditMetaData.REQUEST_ID), text(metaData, AuditMetaData.IMPORT_ID),
                event.aggregateType(), event.aggregateId(),
                masking.toJson(event.payload(), mask));
    }

    private static String text(Map<String, Object> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private StoredEvents store() {
        StoredEvents events = store.getIfAvailable();
        if (events == null) {
            throw RejectionException.conflict("EVENT_STORE_NOT_IN_DATABASE", "the audit trail reads the database "
                    + "event store; with Axon Server storing the events it is not available");
        }
        return events;
    }
}
