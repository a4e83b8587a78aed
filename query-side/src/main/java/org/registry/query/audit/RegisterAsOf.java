package org.registry.query.audit;

import org.registry.kernel.benefit.ClaimView;
import org.registry.kernel.checkup.CheckUpView;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdEvent;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdState;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.ClaimState;
import org.registry.kernel.person.PersonState;
import org.registry.kernel.person.PersonView;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.ResidencyChange;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.eventstore.StoredEvents.StoredEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * A person or a household as the register held it at an instant, folded from the events recorded at or before it,
 * in the shape {@code GET /api/persons/{id}} and {@code GET /api/households/{id}} answer. It reads the events and
 * applies the kernel's folds ({@link PersonState}, {@link HouseholdState}), the rules the projections that answer
 * those reads (the person index, the household register) follow too, and every field
 * that comes from another record is computed as of the same instant from that record's events: the community from
 * the household's relocations, the relation to the head from head changes, the birth order from the mother's
 * children as they were then, the member names from the members' records. Events of all the records involved are
 * applied in the order of their global positions, as the projections saw them.
 *
 * <p>The version is the record's own: the sequence number of its last event recorded by then.
 */
class RegisterAsOf {

    private final StoredEvents store;
    /** Each record's events, read once for all the instants one page asks about. */
    private final Map<String, List<StoredEvent>> streams = new HashMap<>();

    RegisterAsOf(StoredEvents store) {
        this.store = store;
    }

    private List<StoredEvent> stream(String recordId) {
        return streams.computeIfAbsent(recordId, store::ofRecord);
    }

    /** The events of a record recorded at or before {@code asOf}. */
    private List<StoredEvent> until(String recordId, Instant asOf) {
        return stream(recordId).stream().filter(event -> !event.recordedAt().isAfter(asOf)).toList();
    }

    Optional<PersonView> person(PersonId id, Instant asOf) {
        List<StoredEvent> own = until(id.toString(), asOf);
        if (own.isEmpty() || own.stream().anyMatch(event -> event.payload() instanceof PersonEnteredInError)) {
            // not yet on the register, or entered in error by then (an import taken back): not on it, as known then
            return Optional.empty();
        }
        PersonState person = fold(id, merged(own, asOf));
        return Optional.of(view(person, person.motherId() == null ? null : birthOrder(person, asOf)));
    }

    /**
     * The person as of the instant each of their own events was recorded, one state per event of their trail: what
     * {@link #person} answers for each of those instants, in one fold over the events involved. The states are the
     * fold's steps where the events' recording instants rise with their positions (as they do but for commits that
     * overlapped); where they do not, the events recorded by an instant are no prefix of the fold, and each state is
     * folded on its own. From its entry in error on, a record keeps the state it had before.
     */
    List<PersonView> personAfterEach(PersonId id) {
        List<StoredEvent> own = stream(id.toString());
        List<StoredEvent> merged = merged(own, Instant.MAX);
        boolean inOrder = true;
        for (int i = 1; i < merged.size(); i++) {
            inOrder &= !merged.get(i).recordedAt().isBefore(merged.get(i - 1).recordedAt());
        }
        PersonState person = PersonState.empty(id);
        List<PersonView> states = new ArrayList<>();
        int applied = 0;
        for (StoredEvent event : own) {
            Instant asOf = event.recordedAt();
            if (event.payload() instanceof PersonEnteredInError && !states.isEmpty()) {
                // off the register from here on: the state it had before, which the reader marks as entered in error
                states.add(states.get(states.size() - 1));
                continue;
            }
            if (!inOrder) {
                states.add(person(id, asOf).orElseThrow());
                continue;
            }
            while (applied < merged.size() && !merged.get(applied).recordedAt().isAfter(asOf)) {
                person = apply(person, merged.get(applied++));
            }
            states.add(view(person, person.motherId() == null ? null : birthOrder(person, asOf)));
        }
        return states;
    }

    private static PersonState apply(PersonState person, StoredEvent event) {
        return person.when(event.payload(), event.sequence(), event.position());
    }

    /**
     * A person's events and those of the households they were registered in, moved to or transferred between, as
     * recorded by {@code asOf}, in the order of their positions. The fold takes from a household's events only its
     * community and head changes naming the person, so a household's events from before the person joined it change
     * nothing.
     */
    private List<StoredEvent> merged(List<StoredEvent> own, Instant asOf) {
        Set<HouseholdId> households = new LinkedHashSet<>();
        for (StoredEvent event : own) {
            Object payload = event.payload();
            if (payload instanceof PersonRegistered registered) {
                households.add(registered.householdId());
            } else if (payload instanceof BirthRegistered birth) {
                households.add(birth.householdId());
            } else if (payload instanceof PersonMovedIn movedIn) {
                households.add(movedIn.householdId());
            } else if (payload instanceof PersonTransferred transferred) {
                households.add(transferred.fromHouseholdId());
                households.add(transferred.toHouseholdId());
            }
        }
        List<StoredEvent> merged = new ArrayList<>(own);
        households.forEach(household -> merged.addAll(until(household.toString(), asOf)));
        merged.sort(Comparator.comparingLong(StoredEvent::position));
        return merged;
    }

    /** The {@link BirthOrder} among the mother's children as the register held them at {@code asOf}. */
    private int birthOrder(PersonState child, Instant asOf) {
        List<BirthOrder.Birth> siblings = new ArrayList<>();
        for (StoredEvent event : until(child.motherId().toString(), asOf)) {
            if (event.payload() instanceof BecameParent parent && parent.role() == ParentRole.MOTHER
                    && !parent.childId().equals(child.id())) {
                List<StoredEvent> sibling = until(parent.childId().toString(), asOf);
                if (!sibling.isEmpty()) {
                    siblings.add(new BirthOrder.Birth(parent.childId(), fold(parent.childId(), sibling).birthDate(),
                            sibling.get(0).position()));
                }
            }
        }
        return BirthOrder.of(new BirthOrder.Birth(child.id(), child.birthDate(), child.registeredPosition()), siblings);
    }

    /** A record's events folded, in their order; events of other records change nothing of it. */
    private static PersonState fold(PersonId id, List<StoredEvent> events) {
        PersonState person = PersonState.empty(id);
        for (StoredEvent event : events) {
            person = apply(person, event);
        }
        return person;
    }

    Optional<HouseholdView> household(HouseholdId id, Instant asOf) {
        List<StoredEvent> events = until(id.toString(), asOf);
        if (events.isEmpty() || events.stream().anyMatch(event -> event.payload() instanceof HouseholdEnteredInError)) {
            return Optional.empty();
        }
        HouseholdState household = HouseholdState.empty(id);
        for (StoredEvent event : events) {
            household = household.when((HouseholdEvent) event.payload(), event.sequence());
        }
        List<HouseholdView.MemberView> members = new ArrayList<>();
        household.members().forEach((person, member) -> {
            PersonFacts facts = personFacts(person, asOf);
            if (facts.name != null) {
                members.add(new HouseholdView.MemberView(person, facts.name, member.relation(), member.since(),
                        facts.residency == null ? null : facts.residency.residency(),
                        facts.residency == null ? null : facts.residency.since()));
            }
        });
        // The household register's order: the living first, the head first, then by the day they joined and by name.
        members.sort(Comparator.comparing((HouseholdView.MemberView member) -> member.residency()
                                                                                  == Residency.DECEASED)
                               .thenComparing(member -> member.relationToHead() != RelationToHead.HEAD)
                               .thenComparing(HouseholdView.MemberView::since)
                               .thenComparing(HouseholdView.MemberView::name));
        return Optional.of(new HouseholdView(id, household.community(), household.address(), household.postalCode(),
                household.kind(), household.householdNumber(), household.registeredOn(), household.version(), members));
    }

    /** What the household register keeps of a member: the name, and where they live since when. */
    private record PersonFacts(String name, ResidencyChange residency) {
    }

    private PersonFacts personFacts(PersonId person, Instant asOf) {
        List<StoredEvent> events = until(person.toString(), asOf);
        ResidencyChange residency = null;
        for (StoredEvent event : events) {
            residency = ResidencyChange.of(event.payload()).orElse(residency);
        }
        return new PersonFacts(fold(person, events).name(), residency);
    }

    /**
     * The person as the person index answers for this state: check-ups latest first, then by id as the database orders
     * UUIDs; claims in the order filed; a notice's end as the index keeps it, a SQL timestamp rounded to the microsecond
     * (PostgreSQL and H2 alike).
     */
    private static PersonView view(PersonState person, Integer birthOrder) {
        List<CheckUpView> checkUps = person.checkUps().values().stream()
                .sorted(Comparator.comparing(CheckUpView::date).reversed()
                                  .thenComparing(checkUp -> checkUp.checkUpId().toString()))
                .toList();
        List<ClaimView> claims = person.claims().values().stream()
                .sorted(Comparator.comparing(ClaimState::filedOn).thenComparing(claim -> claim.id().toString()))
                .map(claim -> new ClaimView(claim.id(), claim.programme(), claim.status(), claim.filedOn(),
                        claim.noticeEndsAt() == null ? null
                                : claim.noticeEndsAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS),
                        claim.grantedOn(), claim.endedOn(), claim.endReason(), claim.paidTotal().setScale(2)))
                .toList();
        return new PersonView(person.id(), person.nationalId(), person.name(), person.sex(), person.birthDate(),
                person.ethnicity(), person.maritalStatus(), person.residency(), person.householdId(), person.relation(),
                person.communityCode(), person.residentSince(), person.origin(), person.certificate(),
                person.motherId(), person.fatherId(), birthOrder, person.diedOn(), person.version(), checkUps, claims);
    }
}
