package org.registry.query.residence;

import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Derives a person's residence history from the facts on their record and the places of their households. Pure:
 * the same facts always give the same segments, which is what makes the history safe to rebuild and to replay.
 *
 * <p>First the facts become stays (a household and a residency, from a fact to the next one that changes either);
 * then each stay is cut where its household moved and where the marital status changed; pieces that differ in
 * nothing the figures read are joined again; finally each piece that continues the one before without a gap learns
 * which community the person came from, and the one before learns where the person went.
 */
final class Timeline {

    private Timeline() {
    }

    /** Who the person is, as far as the segments carry it. */
    record Person(UUID personId, Sex sex, LocalDate birthDate, UUID motherId, long registeredPosition,
                  Integer birthOrder, MaritalStatus maritalStatus) {
    }

    /** A stay: one household, one residency, [from, to). */
    private record Stay(LocalDate from, LocalDate to, UUID householdId, Residency residency, Boundary entry,
                        Boundary exit, String exitPlace, LocalDate arrivedOn, String place, MoveReason moveReason,
                        String certificateNumber, LocalDate certificateExpiry) {

        Stay end(LocalDate date, Boundary kind, String where) {
            // A fact dated before the stay began (the record's own rules prevent it) would make an interval that
            // counts its end in an earlier month than its start and break the monthly balance; it ends empty instead.
            LocalDate end = date.isBefore(from) ? from : date;
            return new Stay(from, end, householdId, residency, entry, kind, where, arrivedOn, place, moveReason,
                    certificateNumber, certificateExpiry);
        }

        Stay continueIn(LocalDate date, UUID household) {
            return new Stay(date, null, household, residency, Boundary.TRANSFER, null, null, arrivedOn, place,
                    moveReason, certificateNumber, certificateExpiry);
        }
    }

    static List<Segment> segments(Person person, List<Fact> facts, Map<UUID, List<Place>> places) {
        List<Fact> ordered = facts.stream().sorted(Comparator.comparingLong(Fact::sequence)).toList();
        List<Segment> segments = new ArrayList<>();
        for (Stay stay : stays(person, ordered)) {
            segments.addAll(pieces(person, stay, ordered, places.get(stay.householdId())));
        }
        return linked(segments);
    }

    private static List<Stay> stays(Person person, List<Fact> facts) {
        List<Stay> stays = new ArrayList<>();
        Stay open = null;
        for (Fact fact : facts) {
            switch (fact.kind()) {
                case REGISTERED -> {
                    requireNone(open, fact);
                    open = new Stay(fact.date(), null, fact.householdId(), fact.residency(),
                            fact.place() == null ? Boundary.REGISTRATION : Boundary.ARRIVAL, null, null, fact.date(),
                            fact.place(), fact.moveReason(), fact.certificateNumber(), fact.certificateExpiry());
                }
                case BORN -> {
                    requireNone(open, fact);
                    // the birth date as corrected, not as first recorded
                    open = new Stay(person.birthDate(), null, fact.householdId(), fact.residency(), Boundary.BIRTH,
                            null, null, person.birthDate(), null, null, null, null);
                }
                case DIED -> {
                    if (open != null) {
                        stays.add(open.end(fact.date(), Boundary.DEATH, null));
                        open = null;
                    }
                }
                case MOVED_OUT -> {
                    Stay left = requireOpen(open, fact).end(fact.date(), Boundary.DEPARTURE, fact.place());
                    stays.add(left);
                    open = fact.leftHousehold() ? null
                            : new Stay(left.to(), null, left.householdId(), Residency.MOVED_OUT, Boundary.DEPARTURE,
                                    null, null, left.to(), fact.place(), fact.moveReason(), null, null);
                }
                case MOVED_IN -> {
                    LocalDate date = fact.date();
                    if (open != null) {
                        Stay away = open.end(date, Boundary.RETURN, null);
                        stays.add(away);
                        date = away.to();
                    }
                    open = new Stay(date, null, fact.householdId(), fact.residency(), Boundary.ARRIVAL, null, null,
                            date, fact.place(), fact.moveReason(), fact.certificateNumber(), fact.certificateExpiry());
                }
                case TRANSFERRED -> {
                    Stay from = requireOpen(open, fact).end(fact.date(), Boundary.TRANSFER, null);
                    stays.add(from);
                    open = from.continueIn(from.to(), fact.householdId());
                }
                case MARITAL_STATUS -> {
                    // cuts stays in pieces() below
                }
                default -> throw new IllegalStateException("unhandled fact " + fact.kind());
            }
        }
        if (open != null) {
            stays.add(open);
        }
        return stays;
    }

    /** The stay cut where its household moved and where the marital status changed, joined again where nothing did. */
    private static List<Segment> pieces(Person person, Stay stay, List<Fact> facts, List<Place> places) {
        if (places == null || places.isEmpty()) {
            throw new IllegalStateException("household " + stay.householdId() + " of person " + person.personId()
                    + " is not in the residence history");
        }
        TreeSet<LocalDate> relocations = new TreeSet<>();
        for (int i = 1; i < places.size(); i++) {
            if (inside(places.get(i).validFrom(), stay)) {
                relocations.add(places.get(i).validFrom());
            }
        }
        TreeSet<LocalDate> cuts = new TreeSet<>(relocations);
        for (Fact fact : facts) {
            if (fact.kind() == Fact.Kind.MARITAL_STATUS && inside(fact.date(), stay)) {
                cuts.add(fact.date());
            }
        }
        List<LocalDate> starts = new ArrayList<>();
        starts.add(stay.from());
        starts.addAll(cuts);

        List<Segment> pieces = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            boolean last = i == starts.size() - 1;
            LocalDate to = last ? stay.to() : starts.get(i + 1);
            Boundary entry = i == 0 ? stay.entry() : relocations.contains(from) ? Boundary.RELOCATION : Boundary.CHANGE;
            Boundary exit = last ? stay.exit()
                    : relocations.contains(to) ? Boundary.RELOCATION : Boundary.CHANGE;
            Segment piece = new Segment(person.personId(), stay.householdId(), communityOn(from, places),
                    stay.residency(), maritalStatusOn(from, person, facts), person.sex(), person.birthDate(),
                    person.motherId(), person.registeredPosition(), person.birthOrder(), from, to, entry, null, exit,
                    null, stay.arrivedOn(), stay.place(), stay.moveReason(), stay.certificateNumber(),
                    stay.certificateExpiry(), last ? stay.exitPlace() : null);
            Segment previous = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            if (previous != null && previous.communityCode().equals(piece.communityCode())
                    && previous.maritalStatus() == piece.maritalStatus()) {
                // an address change within the community, or a status change that changes nothing: one segment
                pieces.set(pieces.size() - 1, previous.withEnd(piece.validTo(), piece.exit(), null, piece.exitPlace()));
            } else {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** Tells each segment that continues a stay where the person came from, and the one before where they went. */
    private static List<Segment> linked(List<Segment> segments) {
        List<Segment> linked = new ArrayList<>(segments);
        for (int i = 1; i < linked.size(); i++) {
            Segment before = linked.get(i - 1);
            Segment after = linked.get(i);
            if (after.entry().continuing() && before.living() && after.living()
                    && Objects.equals(before.validTo(), after.validFrom())) {
                linked.set(i - 1, before.withExitTo(after.communityCode()));
                linked.set(i, after.withEntryFrom(before.communityCode()));
            }
        }
        return linked;
    }

    private static boolean inside(LocalDate date, Stay stay) {
        return date.isAfter(stay.from()) && (stay.to() == null || date.isBefore(stay.to()));
    }

    /** The community of the last place that began on or before the date; before the first, the first. */
    private static String communityOn(LocalDate date, List<Place> places) {
        Place found = places.get(0);
        for (Place place : places) {
            if (!place.validFrom().isAfter(date)) {
                found = place;
            }
        }
        return found.communityCode();
    }

    /** The status of the last marital event dated on or before the date; before any, the one registered. */
    private static MaritalStatus maritalStatusOn(LocalDate date, Person person, List<Fact> facts) {
        MaritalStatus status = person.maritalStatus();
        for (Fact fact : facts) {
            if (fact.kind() == Fact.Kind.MARITAL_STATUS && !fact.date().isAfter(date)) {
                status = fact.maritalStatus();
            }
        }
        return status;
    }

    private static void requireNone(Stay open, Fact fact) {
        if (open != null) {
            throw new IllegalStateException(fact.kind() + " at sequence " + fact.sequence()
                    + " finds the person already living in household " + open.householdId());
        }
    }

    private static Stay requireOpen(Stay open, Fact fact) {
        if (open == null) {
            throw new IllegalStateException(fact.kind() + " at sequence " + fact.sequence()
                    + " finds the person in no household");
        }
        return open;
    }
}
