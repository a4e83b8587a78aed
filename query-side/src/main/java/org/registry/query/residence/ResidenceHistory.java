package org.registry.query.residence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonEvent;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.platform.processing.EventPosition;
import org.registry.platform.transaction.TransactionMemory;
import org.registry.platform.jdbc.Databases;
import org.registry.query.api.Projection;
import org.registry.query.api.RidingWrites;
import org.registry.query.api.ProjectionWrites;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The residence history: for every person, where they lived (household, community), from when to when, and as
 * what (residency, marital status), by the business dates of the facts; with the instant each row became known
 * and, for rows a later fact replaced, the instant it was replaced ({@link Residents} reads it).
 *
 * <p>Each fact that changes a person's history (and each relocation of a household, for its members) derives the
 * person's segments again from their facts ({@link Timeline}); rows that come out the same stay as they are, the
 * others move to the history table. So a late registration, a relocation recorded after the fact, or a corrected
 * birth date changes the figures from the instant it is recorded, and reports as known before stay reproducible.
 */
@Component
@ProcessingGroup(Residents.PROJECTION)
class ResidenceHistory implements Projection {

    @Override
    public List<String> tables() {
        return List.of("residence_person", "residence_fact", "residence_place", "residence_place_history",
                "residence_segment", "residence_segment_history", "residence_tally", "residence_area_tally");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of(
                "residence_place_community",
                "residence_place_township",
                "residence_place_county",
                "residence_place_community_end",
                "residence_place_township_end",
                "residence_place_county_end",
                "residence_place_recorded",
                "residence_place_history_household",
                "residence_place_history_superseded",
                "residence_segment_community",
                "residence_segment_township",
                "residence_segment_county",
                "residence_segment_community_end",
                "residence_segment_township_end",
                "residence_segment_county_end",
                "residence_segment_township_women",
                "residence_segment_county_women",
                "residence_segment_mother",
                "residence_segment_recorded",
                "residence_segment_history_person",
                "residence_segment_history_mother",
                "residence_segment_history_superseded",
                "residence_tally_township",
                "residence_tally_county");
    }

    /** The subject of the tally that counts households. */
    static final String HOUSEHOLD = "HOUSEHOLD";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private volatile Boolean postgreSql;
    /** False in a rebuild's own instance: it counts its tallies from its rows when it has caught up. */
    private volatile boolean tallying = true;

    ResidenceHistory(@ProjectionWrites JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @EventHandler
    void on(HouseholdRegistered event, @Timestamp Instant recordedAt, @EventPosition long position) {
        CommunityCode community = event.communityCode();
        jdbc.update("""
                        INSERT INTO residence_place (id, household_id, community_code, township_code, county_code,
                            address, kind, household_number, registered_on, valid_from, valid_to, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""",
                new Recording(recordedAt, position).nextRowId(), event.householdId().value(), community.value(),
                community.township().value(), community.county().value(), event.address(), event.kind().name(),
                event.householdNumber(), event.registeredOn(), event.registeredOn(), instant(recordedAt));
        tally(community, HOUSEHOLD, event.registeredOn(), 1);
        knownPlaces().ifPresent(known -> known.put(event.householdId().value(),
                List.of(new Place(event.householdId().value(), community.value(), event.registeredOn(), null))));
    }

    @EventHandler
    void on(HouseholdRelocated event, @Timestamp Instant recordedAt, @EventPosition long position) {
        Recording recording = new Recording(recordedAt, position);
        UUID household = event.householdId().value();
        knownPlaces().ifPresent(known -> known.remove(household));
        forget(rows -> true);
        List<Map<String, Object>> open = jdbc.queryForList(
                "SELECT " + Residents.PLACE_COLUMNS + " FROM residence_place WHERE household_id = ? AND valid_to IS NULL",
                household);
        if (open.size() != 1) {
            throw new IllegalStateException("household " + household + " has " + open.size()
                    + " current places in the residence history, not 1");
        }
        Map<String, Object> current = open.get(0);
        long id = ((Number) current.get("id")).longValue();
        LocalDate since = toLocalDate(current.get("valid_from"));
        LocalDate until = event.date().isBefore(since) ? since : event.date();
        supersedePlace(id, recording.at());
        String was = (String) current.get("community_code");
        // the open place gives way to the same place closed on the day of the move, and the new one from that day
        tally(new CommunityCode(was), HOUSEHOLD, until, -1);
        CommunityCode community = event.communityCode();
        tally(community, HOUSEHOLD, until, 1);
        String insert = """
                INSERT INTO residence_place (id, household_id, community_code, township_code, county_code, address,
                    kind, household_number, registered_on, valid_from, valid_to, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        jdbc.update(insert, recording.nextRowId(), household, current.get("community_code"),
                current.get("township_code"), current.get("county_code"), current.get("address"), current.get("kind"),
                current.get("household_number"), toLocalDate(current.get("registered_on")), since, until,
                instant(recording.at()));
        jdbc.update(insert, recording.nextRowId(), household, community.value(), community.township().value(),
                community.county().value(), event.address(), current.get("kind"), current.get("household_number"),
                toLocalDate(current.get("registered_on")), until, null, instant(recording.at()));
        // every member, past or present, whose stay in the household the relocation cuts
        for (UUID person : jdbc.queryForList(
                "SELECT DISTINCT person_id FROM residence_fact WHERE household_id = ? ORDER BY person_id", UUID.class,
                household)) {
            rebuild(person, recording);
        }
    }

    @EventHandler
    void on(PersonRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        MaritalStatus maritalStatus = event.maritalStatus() == null ? MaritalStatus.SINGLE : event.maritalStatus();
        insertPerson(event.personId(), event.name(), event.nationalId() == null ? null : event.nationalId().value(),
                event.sex(), event.birthDate(), null, position, maritalStatus);
        FloatingCertificate certificate = event.certificate();
        LocalDate since = event.residentSince() != null ? event.residentSince()
                : recordedAt.atZone(zone).toLocalDate();
        UUID household = event.householdId().value();
        Fact registered = new Fact(sequence, Fact.Kind.REGISTERED, since, household, event.residency(), null,
                event.origin(), event.moveReason(), certificate == null ? null : certificate.number(),
                certificate == null ? null : certificate.expiry(), false);
        insertFact(event.personId(), registered);
        UUID person = event.personId().value();
        Recording recording = new Recording(recordedAt, position);
        List<Place> places = knownPlaces().map(known -> known.get(household)).orElse(null);
        if (places == null) {
            rebuild(person, recording);
            return;
        }
        // A person's first fact: what a rebuild would read is all here (no mother, so no birth order; no segments).
        Timeline.Person registeredPerson = new Timeline.Person(person, event.sex(), event.birthDate(), null, position,
                null, maritalStatus);
        store(person, Timeline.segments(registeredPerson, List.of(registered), Map.of(household, places)), List.of(),
                recording);
    }

    @EventHandler
    void on(BirthRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        if (event.motherId() != null) {
            // the mother's other children may come after this one in the order of births
            UUID mother = event.motherId().value();
            forget(rows -> mother.equals(rows.person.motherId()));
        }
        insertPerson(event.personId(), event.name(), event.nationalId() == null ? null : event.nationalId().value(),
                event.sex(), event.birthDate(), event.motherId() == null ? null : event.motherId().value(),
                position, MaritalStatus.SINGLE);
        insertFact(event.personId(), new Fact(sequence, Fact.Kind.BORN, event.birthDate(),
                event.householdId().value(), event.residency() == null ? Residency.PERMANENT : event.residency(), null,
                null, null, null, null, false));
        Recording recording = new Recording(recordedAt, position);
        rebuild(event.personId().value(), recording);
        rebuildSiblings(event.personId().value(), recording);
    }

    @EventHandler
    void on(PersonDied event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        insertFact(event.personId(), Fact.of(sequence, Fact.Kind.DIED, event.date()));
        rebuild(event.personId().value(), new Recording(recordedAt, position));
    }

    @EventHandler
    void on(MaritalStatusRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        insertFact(event.personId(), new Fact(sequence, Fact.Kind.MARITAL_STATUS, event.date(), null, null,
                event.maritalStatus(), null, null, null, null, false));
        rebuild(event.personId().value(), new Recording(recordedAt, position));
    }

    @EventHandler
    void on(PersonMovedOut event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        insertFact(event.personId(), new Fact(sequence, Fact.Kind.MOVED_OUT, event.date(), null,
                Residency.MOVED_OUT, null, event.destination(), event.reason(), null, null, event.leftHousehold()));
        rebuild(event.personId().value(), new Recording(recordedAt, position));
    }

    @EventHandler
    void on(PersonMovedIn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        FloatingCertificate certificate = event.certificate();
        insertFact(event.personId(), new Fact(sequence, Fact.Kind.MOVED_IN, event.date(),
                event.householdId().value(), event.residency(), null, event.origin(), event.reason(),
                certificate == null ? null : certificate.number(), certificate == null ? null : certificate.expiry(),
                false));
        rebuild(event.personId().value(), new Recording(recordedAt, position));
    }

    @EventHandler
    void on(PersonTransferred event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @EventPosition long position) {
        insertFact(event.personId(), new Fact(sequence, Fact.Kind.TRANSFERRED, event.date(),
                event.toHouseholdId().value(), null, null, null, null, null, null, false));
        rebuild(event.personId().value(), new Recording(recordedAt, position));
    }

    @EventHandler
    void on(NationalIdAdded event) {
        updatePerson(event.personId(), "national_id", event.nationalId().value());
    }

    /** Sex and birth date are counted (births by sex, women by age), so correcting them rebuilds the history. */
    @EventHandler
    void on(PersonDetailCorrected event, @Timestamp Instant recordedAt, @EventPosition long position) {
        PersonId person = event.personId();
        Recording recording = new Recording(recordedAt, position);
        forget(rows -> true);
        event.correction().handle(
                name -> updatePerson(person, "name", name.newValue()),
                sex -> {
                    updatePerson(person, "sex", sex.newValue().name());
                    rebuild(person.value(), recording);
                },
                birthDate -> {
                    updatePerson(person, "birth_date", birthDate.newValue());
                    rebuild(person.value(), recording);
                    rebuildSiblings(person.value(), recording);
                },
                ethnicity -> {
                    // not part of any figure
                },
                nationalId -> updatePerson(person, "national_id", nationalId.newValue().value()));
    }

    /**
     * A record entered in error (an import taken back): the person has no stay on the register any more. The segments
     * move to the history, superseded at the revert's instant, so the figures as known now no longer count them and
     * the figures as known before still do. The facts go (no relocation may derive them again); the person's row stays
     * for the history's names. Handled again (a replay) it finds nothing left to move.
     */
    @EventHandler
    void on(PersonEnteredInError event, @Timestamp Instant recordedAt, @EventPosition long position) {
        UUID person = event.personId().value();
        forget(rows -> rows.person.personId().equals(person));
        store(person, List.of(), jdbc.query(SEGMENTS_OF, STORED, person), new Recording(recordedAt, position));
        jdbc.update("DELETE FROM residence_fact WHERE person_id = ?", person);
    }

    /** A household entered in error (an import taken back): its places move to the history, as a person's stays do. */
    @EventHandler
    void on(HouseholdEnteredInError event, @Timestamp Instant recordedAt) {
        knownPlaces().ifPresent(known -> known.remove(event.householdId().value()));
        forget(rows -> true);
        for (Map<String, Object> place : jdbc.queryForList("""
                        SELECT id, community_code, valid_from, valid_to FROM residence_place WHERE household_id = ?
                        ORDER BY id""", event.householdId().value())) {
            CommunityCode community = new CommunityCode((String) place.get("community_code"));
            tally(community, HOUSEHOLD, toLocalDate(place.get("valid_from")), -1);
            if (place.get("valid_to") != null) {
                tally(community, HOUSEHOLD, toLocalDate(place.get("valid_to")), 1);
            }
            supersedePlace(((Number) place.get("id")).longValue(), recordedAt);
        }
    }

    /**
     * Every other event: nothing to do, but handling it makes each batch store this projection's token, so a read
     * waiting for an event position ({@code X-Min-Event-Position}) sees it reached at once. A pooled processor stores
     * the token of a batch it cannot handle only when its claim is next extended (seconds later). Taken as the message,
     * so its payload is never deserialized.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        // deliberately nothing
    }

    /**
     * A rebuild changes no tally event by event: at a million residents that was 40 % of its time, where counting
     * both tallies from the rows once it has caught up ({@link #rebuilt()}) takes seconds.
     */
    @Override
    public void rebuilding() {
        tallying = false;
    }

    /**
     * Both tallies counted from the rows, as the events counted them: the queries beside this class
     * ({@code residence_tally.sql}, {@code residence_area_tally.sql}) count a superseded row's +1 and -1 that
     * cancel, so the rows are the live projection's, which a verification compares.
     */
    @Override
    public void rebuilt() {
        jdbc.update("INSERT INTO residence_tally (community_code, township_code, county_code, subject, month_start,"
                + " change) " + recount("residence_tally"));
        jdbc.update("INSERT INTO residence_area_tally (area_code, subject, birth_year, span, period_start, change) "
                + recount("residence_area_tally"));
    }

    /** The query that counts a tally from the rows (a resource beside this class). */
    private static String recount(String tally) {
        try (InputStream sql = ResidenceHistory.class.getResourceAsStream(tally + ".sql")) {
            return new String(Objects.requireNonNull(sql, tally).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ResetHandler
    void reset() {
        knownPlaces().ifPresent(Map::clear);
        forget(rows -> true);
        TransactionMemory.ifKept(TALLIES).ifPresent(Map::clear);
        jdbc.update("DELETE FROM residence_tally");
        jdbc.update("DELETE FROM residence_area_tally");
        jdbc.update("DELETE FROM residence_segment_history");
        jdbc.update("DELETE FROM residence_segment");
        jdbc.update("DELETE FROM residence_place_history");
        jdbc.update("DELETE FROM residence_place");
        jdbc.update("DELETE FROM residence_fact");
        jdbc.update("DELETE FROM residence_person");
    }

    /** Derives the person's segments again and stores what changed, as the event being recorded changed them. */
    private void rebuild(UUID personId, Recording recording) {
        Rows rows = readAhead(personId).orElseGet(() -> read(List.of(personId)).get(personId));
        if (rows == null || rows.person == null) {
            throw new IllegalStateException("person " + personId + " is not in the residence history");
        }
        knownPlaces().ifPresent(known -> known.putAll(rows.places));
        store(personId, Timeline.segments(rows.person, rows.facts, rows.places), rows.current, recording);
    }

    /**
     * The rows of the persons whose facts the rest of this batch records (deaths, moves, marital status), read on
     * PostgreSQL in one command when the first of them is derived again, instead of a command each: in a replay's
     * later years most of the batch's time was these reads. Each is taken once (its derivation changes it); one that a
     * later event of the batch changes otherwise is dropped from the memory, to be read again ({@link #forget}), or
     * kept true (a fact of its own is added, {@link #insertFact}). Kept in the transaction's memory, none outside.
     */
    private Optional<Rows> readAhead(UUID personId) {
        if (!postgreSql()) {
            return Optional.empty();
        }
        Optional<Map<UUID, Rows>> kept = TransactionMemory.ifKept(READ_AHEAD);
        if (kept.isEmpty()) {
            kept = TransactionMemory.of(READ_AHEAD);
            kept.ifPresent(memory -> {
                Set<UUID> named = personsOfTheRestOfTheBatch();
                if (named.size() > 1) {
                    read(named).forEach((person, rows) -> {
                        if (rows.person != null) {
                            memory.put(person, rows);
                        }
                    });
                }
            });
        }
        return kept.map(memory -> memory.remove(personId));
    }

    private static final String READ_AHEAD = "residence-history-rows";

    /** The events that derive their person's segments again from rows read back. */
    private static final Set<Class<?>> DERIVED_FROM_ROWS = Set.of(PersonDied.class, MaritalStatusRegistered.class,
            PersonMovedOut.class, PersonMovedIn.class, PersonTransferred.class);

    private static Set<UUID> personsOfTheRestOfTheBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return Set.of();
        }
        List<? extends Message<?>> messages = batch.getMessages();
        Set<UUID> persons = new LinkedHashSet<>();
        for (int i = Math.max(0, messages.indexOf(batch.getMessage())); i < messages.size(); i++) {
            Message<?> message = messages.get(i);
            if (DERIVED_FROM_ROWS.contains(message.getPayloadType())) {
                persons.add(((PersonEvent) message.getPayload()).personId().value());
            }
        }
        return persons;
    }

    /** Drops what the read-ahead kept of persons that a fact recorded since changed in a way it does not follow. */
    private static void forget(Predicate<Rows> changed) {
        TransactionMemory.<UUID, Rows>ifKept(READ_AHEAD).ifPresent(kept -> kept.values().removeIf(changed));
    }

    /**
     * The places of the households this transaction registered or read, each household's complete list (a relocation
     * or an entry in error drops it): a person registered into one of them needs no read. A rebuild's batch of a
     * thousand events registers households and their members together (a census month: thousands of them), and a
     * read per member was most of its time. Kept in the transaction's memory ({@link TransactionMemory}), so a batch
     * that is rolled back and retried starts afresh; none outside a transaction.
     */
    private static Optional<Map<UUID, List<Place>>> knownPlaces() {
        return TransactionMemory.of("residence-history-places");
    }

    private static final String SEGMENTS_OF =
            "SELECT " + Residents.SEGMENT_COLUMNS + " FROM residence_segment WHERE person_id = ? ORDER BY id";

    /**
     * What persons' segments are derived from, and the segments stored now, for the persons {@code which} picks: a
     * birth's order is BirthOrder's rule (1 + the mother's children born before it, or the same day and registered
     * before it) computed in SQL over this projection's rows (ResidenceHistoryBirthOrderTest pins that both agree);
     * the places are those of every household the person's facts name.
     */
    private static List<String> personRows(String which) {
        return List.of("""
                        SELECT p.person_id, p.sex, p.birth_date, p.mother_id, p.registered_position, p.marital_status,
                               CASE WHEN p.mother_id IS NULL THEN NULL ELSE 1 + (
                                   SELECT COUNT(*) FROM residence_person o
                                   WHERE o.mother_id = p.mother_id AND o.person_id <> p.person_id
                                     AND (o.birth_date < p.birth_date OR (o.birth_date = p.birth_date
                                          AND o.registered_position < p.registered_position))) END AS birth_order
                        FROM residence_person p WHERE p.person_id""" + which,
                "SELECT * FROM residence_fact WHERE person_id" + which + " ORDER BY person_id, sequence_number",
                """
                        SELECT f.person_id, h.household_id, h.community_code, h.valid_from, h.valid_to
                        FROM residence_place h JOIN (SELECT DISTINCT person_id, household_id FROM residence_fact
                                                     WHERE person_id""" + which + """
                        ) f ON f.household_id = h.household_id
                        ORDER BY f.person_id, h.household_id, h.valid_from, h.id""",
                "SELECT " + Residents.SEGMENT_COLUMNS + " FROM residence_segment WHERE person_id" + which
                        + " ORDER BY person_id, id");
    }

    private static final List<String> ONE_PERSON_ROWS = personRows(" = ?");
    /** PostgreSQL's: the persons as an array literal. */
    private static final List<String> PERSONS_ROWS = personRows(" = ANY(CAST(? AS UUID[]))");

    /** A person's rows: the person (null if not in the history), facts, places of their households, segments. */
    private static final class Rows {
        private Timeline.Person person;
        private final List<Fact> facts = new ArrayList<>();
        private final Map<UUID, List<Place>> places = new LinkedHashMap<>();
        private final List<Stored> current = new ArrayList<>();
    }

    /**
     * The persons' rows by {@link #personRows}: on PostgreSQL as one command, which its driver sends in one round
     * trip, with a rebuild's held writes riding in front (an event's handling was mostly the waits for its writes and
     * its reads); elsewhere (H2, in process) one by one, and one person at a time.
     */
    private Map<UUID, Rows> read(Collection<UUID> personIds) {
        Map<UUID, Rows> rows = new LinkedHashMap<>();
        personIds.forEach(person -> rows.put(person, new Rows()));
        Function<ResultSet, Rows> of = rs -> {
            try {
                return rows.get(rs.getObject("person_id", UUID.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        List<RowCallbackHandler> readers = List.of(
                rs -> of.apply(rs).person = new Timeline.Person(rs.getObject("person_id", UUID.class),
                        Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
                        rs.getObject("mother_id", UUID.class), rs.getLong("registered_position"),
                        nullableInt(rs.getObject("birth_order")),
                        MaritalStatus.valueOf(rs.getString("marital_status"))),
                rs -> {
                    List<Fact> facts = of.apply(rs).facts;
                    facts.add(FACT.mapRow(rs, facts.size()));
                },
                rs -> {
                    UUID household = rs.getObject("household_id", UUID.class);
                    of.apply(rs).places.computeIfAbsent(household, key -> new ArrayList<>()).add(new Place(household,
                            rs.getString("community_code"), rs.getObject("valid_from", LocalDate.class),
                            rs.getObject("valid_to", LocalDate.class)));
                },
                rs -> {
                    List<Stored> current = of.apply(rs).current;
                    current.add(STORED.mapRow(rs, current.size()));
                });
        Object argument = personIds.size() == 1 ? personIds.iterator().next()
                : personIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        List<String> queries = personIds.size() == 1 ? ONE_PERSON_ROWS : PERSONS_ROWS;
        RidingWrites.read(jdbc, queries, Collections.nCopies(queries.size(), new Object[] {argument}), readers);
        return rows;
    }

    /**
     * A birth registered late, or a birth date corrected, can change the order of the mother's other children: their
     * segments are derived again (those whose order stays the same do not change).
     */
    private void rebuildSiblings(UUID personId, Recording recording) {
        for (UUID sibling : jdbc.queryForList("""
                        SELECT o.person_id FROM residence_person o JOIN residence_person p ON p.mother_id = o.mother_id
                        WHERE p.person_id = ? AND o.person_id <> p.person_id ORDER BY o.person_id""", UUID.class,
                personId)) {
            rebuild(sibling, recording);
        }
    }

    private static Integer nullableInt(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    /** Keeps the rows that did not change; moves the others to the history and inserts the new ones. */
    private void store(UUID personId, List<Segment> segments, List<Stored> before, Recording recording) {
        List<Stored> current = new ArrayList<>(before);
        List<Segment> added = new ArrayList<>();
        for (Segment segment : segments) {
            Stored same = current.stream().filter(stored -> stored.segment().equals(segment)).findFirst().orElse(null);
            if (same != null) {
                current.remove(same);
            } else {
                added.add(segment);
            }
        }
        for (Stored replaced : current) {
            count(replaced.segment(), -1);
            moveToHistory(replaced.id(), recording.at());
        }
        for (Segment segment : added) {
            count(segment, 1);
            CommunityCode community = new CommunityCode(segment.communityCode());
            jdbc.update("""
                            INSERT INTO residence_segment (id, person_id, household_id, community_code,
                                township_code, county_code, residency, marital_status, sex, birth_date, mother_id,
                                registered_position, birth_order, valid_from, valid_to, entry_kind,
                                entry_from_community, exit_kind, exit_to_community, arrived_on, place, move_reason,
                                certificate_number, certificate_expiry, exit_place, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    recording.nextRowId(), segment.personId(), segment.householdId(), community.value(),
                    community.township().value(), community.county().value(), segment.residency().name(),
                    segment.maritalStatus().name(), segment.sex().name(), segment.birthDate(), segment.motherId(),
                    segment.registeredPosition(), segment.birthOrder(), segment.validFrom(), segment.validTo(),
                    segment.entry().name(), segment.entryFrom(), segment.exit() == null ? null : segment.exit().name(),
                    segment.exitTo(), segment.arrivedOn(), segment.place(),
                    segment.moveReason() == null ? null : segment.moveReason().name(), segment.certificateNumber(),
                    segment.certificateExpiry(), segment.exitPlace(),
                    instant(recording.at()));
        }
    }

    /**
     * A replaced segment goes to the history, superseded at {@code at}: on PostgreSQL in one statement, which a
     * rebuild's template holds back with its other writes (a delete on its own would be sent at once, a round trip
     * for every segment a death or a move replaces); elsewhere copied, then deleted.
     */
    private void moveToHistory(long id, Instant at) {
        if (postgreSql()) {
            jdbc.update("WITH moved AS (DELETE FROM residence_segment WHERE id = ? RETURNING "
                    + Residents.SEGMENT_COLUMNS + ") INSERT INTO residence_segment_history (" + Residents.SEGMENT_COLUMNS + ", superseded_at)"
                    + " SELECT " + Residents.SEGMENT_COLUMNS + ", ? FROM moved", id, instant(at));
            return;
        }
        jdbc.update("INSERT INTO residence_segment_history (" + Residents.SEGMENT_COLUMNS + ", superseded_at)"
                + " SELECT " + Residents.SEGMENT_COLUMNS + ", ? FROM residence_segment WHERE id = ?", instant(at), id);
        jdbc.update("DELETE FROM residence_segment WHERE id = ?", id);
    }

    private boolean postgreSql() {
        if (postgreSql == null) {
            postgreSql = jdbc.execute((ConnectionCallback<Boolean>) Databases::postgreSql);
        }
        return postgreSql;
    }

    private record Stored(long id, Segment segment) {
    }

    private static final RowMapper<Stored> STORED = (rs, row) -> new Stored(rs.getLong("id"), segment(rs));

    /**
     * A living segment counts in its community's tally (and its township's and county's) from the month it began until
     * the month it ended; a living woman's also in her county's women of her year of birth, married or not (a
     * township's women are few enough to count from the segments, and were most of a replay's tally rows).
     */
    private void count(Segment segment, long sign) {
        if (tallying && segment.living()) {
            count(segment, segment.validFrom(), sign);
            if (segment.validTo() != null) {
                count(segment, segment.validTo(), -sign);
            }
        }
    }

    private void count(Segment segment, LocalDate day, long change) {
        CommunityCode community = new CommunityCode(segment.communityCode());
        tally(community, segment.residency().name(), day, change);
        if (segment.sex() == Sex.FEMALE) {
            String county = community.county().value();
            int born = segment.birthDate().getYear();
            areaTally(county, WOMEN, born, day, change);
            if (segment.maritalStatus() == MaritalStatus.MARRIED) {
                areaTally(county, MARRIED_WOMEN, born, day, change);
            }
        }
    }

    /** A change of a community's tally for a month, and of its township's and county's. */
    private void tally(CommunityCode community, String subject, LocalDate day, long change) {
        if (!tallying) {
            return;
        }
        tally(new Tally(community.value(), subject, 0, Span.MONTH, Span.MONTH.start(day)), change);
        areaTally(community.township().value(), subject, 0, day, change);
        areaTally(community.county().value(), subject, 0, day, change);
    }

    /** A change of a township's or county's tally, for the month and for the year. */
    private void areaTally(String area, String subject, int birthYear, LocalDate day, long change) {
        for (Span span : Span.values()) {
            tally(new Tally(area, subject, birthYear, span, span.start(day)), change);
        }
    }

    /**
     * A change of a tally: summed in the transaction's memory with the others of its key, and written when the
     * transaction commits ({@link #writeTallies}); a census month's thousand registrations change a few dozen rows,
     * each once instead of hundreds of times. At once outside a transaction. A change that sums to zero is written too:
     * whether a row exists never depends on how the events were cut into transactions.
     */
    private void tally(Tally key, long change) {
        Optional<Map<Tally, Long>> changes = TransactionMemory.ifKept(TALLIES);
        if (changes.isEmpty()) {
            changes = TransactionMemory.of(TALLIES);
            changes.ifPresent(first -> TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            writeTallies(first);
                            first.clear();
                        }
                    }));
        }
        changes.ifPresentOrElse(kept -> kept.merge(key, change, Long::sum), () -> writeTallies(Map.of(key, change)));
    }

    private static final String TALLIES = "residence-history-tallies";

    /** The subjects of the area tally that count living women by year of birth. */
    static final String WOMEN = "WOMEN";
    static final String MARRIED_WOMEN = "MARRIED_WOMEN";

    /** The periods a tally counts by: a community's by month; a township's and a county's by month and by year. */
    enum Span {
        MONTH, YEAR;

        LocalDate start(LocalDate day) {
            return this == MONTH ? day.withDayOfMonth(1) : day.withDayOfYear(1);
        }
    }

    /** A row of a tally: a community's (residence_tally) or a township's or county's (residence_area_tally). */
    private record Tally(String area, String subject, int birthYear, Span span, LocalDate start) {

        /** A community's code has 12 digits, a township's 9, a county's 6. */
        boolean community() {
            return area.length() == 12;
        }
    }

    /** The order tally rows are written in, so two transactions never wait for each other's rows crosswise. */
    private static final Comparator<Tally> TALLY_ORDER = Comparator.comparing(Tally::area)
            .thenComparing(Tally::subject).thenComparingInt(Tally::birthYear).thenComparing(Tally::span)
            .thenComparing(Tally::start);

    /** Each change as one statement whether the row is there or not, a batch for each table. */
    private void writeTallies(Map<Tally, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> communities = new ArrayList<>();
        List<Object[]> areas = new ArrayList<>();
        changes.entrySet().stream().sorted(Map.Entry.comparingByKey(TALLY_ORDER)).forEach(tally -> {
            Tally key = tally.getKey();
            if (key.community()) {
                CommunityCode code = new CommunityCode(key.area());
                communities.add(new Object[] {key.area(), key.subject(), key.start(), tally.getValue(),
                        code.township().value(), code.county().value()});
            } else {
                areas.add(new Object[] {key.area(), key.subject(), key.birthYear(), key.span().name(), key.start(),
                        tally.getValue()});
            }
        });
        if (!communities.isEmpty()) {
            jdbc.batchUpdate("""
                            MERGE INTO residence_tally t
                            USING (SELECT CAST(? AS VARCHAR(12)) AS community_code, CAST(? AS VARCHAR(12)) AS subject,
                                       CAST(? AS DATE) AS month_start, CAST(? AS BIGINT) AS change) k
                            ON t.community_code = k.community_code AND t.subject = k.subject
                                AND t.month_start = k.month_start
                            WHEN MATCHED THEN UPDATE SET change = t.change + k.change
                            WHEN NOT MATCHED THEN INSERT (community_code, township_code, county_code, subject,
                                month_start, change)
                                VALUES (k.community_code, ?, ?, k.subject, k.month_start, k.change)""", communities);
        }
        if (!areas.isEmpty()) {
            jdbc.batchUpdate("""
                            MERGE INTO residence_area_tally t
                            USING (SELECT CAST(? AS VARCHAR(9)) AS area_code, CAST(? AS VARCHAR(14)) AS subject,
                                       CAST(? AS INTEGER) AS birth_year, CAST(? AS VARCHAR(5)) AS span,
                                       CAST(? AS DATE) AS period_start, CAST(? AS BIGINT) AS change) k
                            ON t.area_code = k.area_code AND t.subject = k.subject AND t.birth_year = k.birth_year
                                AND t.span = k.span AND t.period_start = k.period_start
                            WHEN MATCHED THEN UPDATE SET change = t.change + k.change
                            WHEN NOT MATCHED THEN INSERT (area_code, subject, birth_year, span, period_start, change)
                                VALUES (k.area_code, k.subject, k.birth_year, k.span, k.period_start, k.change)""",
                    areas);
        }
    }

    private void supersedePlace(long id, Instant recordedAt) {
        jdbc.update("INSERT INTO residence_place_history (" + Residents.PLACE_COLUMNS + ", superseded_at)"
                + " SELECT " + Residents.PLACE_COLUMNS + ", ? FROM residence_place WHERE id = ?", instant(recordedAt), id);
        jdbc.update("DELETE FROM residence_place WHERE id = ?", id);
    }

    private void insertPerson(PersonId person, String name, String nationalId, Sex sex, LocalDate birthDate,
                              UUID mother, long position, MaritalStatus maritalStatus) {
        jdbc.update("""
                        INSERT INTO residence_person (person_id, name, national_id, sex, birth_date, mother_id,
                            registered_position, marital_status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                person.value(), name, nationalId, sex.name(), birthDate, mother, position, maritalStatus.name());
    }

    private void updatePerson(PersonId person, String column, Object value) {
        if (jdbc.update("UPDATE residence_person SET " + column + " = ? WHERE person_id = ?", value,
                person.value()) != 1) {
            throw new IllegalStateException("person " + person + " is not in the residence history");
        }
    }

    private void insertFact(PersonId person, Fact fact) {
        TransactionMemory.<UUID, Rows>ifKept(READ_AHEAD).ifPresent(kept -> {
            Rows rows = kept.get(person.value());
            boolean inOrder = rows == null || rows.facts.isEmpty()
                    || rows.facts.get(rows.facts.size() - 1).sequence() < fact.sequence();
            if (rows != null && inOrder && (fact.householdId() == null || rows.places.containsKey(fact.householdId()))) {
                rows.facts.add(fact);
            } else if (rows != null) {
                kept.remove(person.value());
            }
        });
        jdbc.update("""
                        INSERT INTO residence_fact (person_id, sequence_number, kind, fact_date, household_id,
                            residency, marital_status, place, move_reason, certificate_number, certificate_expiry,
                            left_household)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                person.value(), fact.sequence(), fact.kind().name(), fact.date(), fact.householdId(),
                fact.residency() == null ? null : fact.residency().name(),
                fact.maritalStatus() == null ? null : fact.maritalStatus().name(), fact.place(),
                fact.moveReason() == null ? null : fact.moveReason().name(), fact.certificateNumber(),
                fact.certificateExpiry(), fact.leftHousehold());
    }

    private static final RowMapper<Fact> FACT = (rs, row) -> new Fact(rs.getLong("sequence_number"),
            Fact.Kind.valueOf(rs.getString("kind")), rs.getObject("fact_date", LocalDate.class),
            rs.getObject("household_id", UUID.class), enumOf(Residency.class, rs.getString("residency")),
            enumOf(MaritalStatus.class, rs.getString("marital_status")), rs.getString("place"),
            enumOf(MoveReason.class, rs.getString("move_reason")), rs.getString("certificate_number"),
            rs.getObject("certificate_expiry", LocalDate.class), rs.getBoolean("left_household"));

    static Segment segment(ResultSet rs) throws SQLException {
        return new Segment(rs.getObject("person_id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getString("community_code"), Residency.valueOf(rs.getString("residency")),
                MaritalStatus.valueOf(rs.getString("marital_status")), Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class), rs.getObject("mother_id", UUID.class),
                rs.getLong("registered_position"), nullableInt(rs.getObject("birth_order")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), Boundary.valueOf(rs.getString("entry_kind")),
                rs.getString("entry_from_community"), enumOf(Boundary.class, rs.getString("exit_kind")),
                rs.getString("exit_to_community"), rs.getObject("arrived_on", LocalDate.class),
                rs.getString("place"), enumOf(MoveReason.class, rs.getString("move_reason")),
                rs.getString("certificate_number"), rs.getObject("certificate_expiry", LocalDate.class),
                rs.getString("exit_place"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static LocalDate toLocalDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    /** Recording instants to the microsecond, PostgreSQL's resolution, so a value read back equals the one written. */
    static OffsetDateTime instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
