package org.registry.query.audit;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimView;
import org.registry.kernel.checkup.CheckUpView;
import org.registry.kernel.household.HouseholdEnteredInError;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.HouseholdView;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.MemberEnteredInError;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.PersonDetailCorrected;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * A person or a household as the register held it at an instant, folded from the events recorded at or before it,
 * in the shape {@code GET /api/persons/{id}} and {@code GET /api/households/{id}} answer. The fold follows the
 * projections that answer those reads (the person index, the household register) rule for rule, and every field
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
        PersonState person = PersonState.empty(id);
        for (StoredEvent event : merged(own, asOf)) {
            person = apply(person, event);
        }
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
                    siblings.add(new BirthOrder.Birth(parent.childId(), birthDateOf(sibling), sibling.get(0).position()));
                }
            }
        }
        return BirthOrder.of(new BirthOrder.Birth(child.id(), child.birthDate(), child.registeredPosition()), siblings);
    }

    private static LocalDate birthDateOf(List<StoredEvent> events) {
        LocalDate born = null;
        for (StoredEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof BirthRegistered birth) {
                born = birth.birthDate();
            } else if (payload instanceof PersonRegistered registered) {
                born = registered.birthDate();
            } else if (payload instanceof PersonDetailCorrected corrected
                    && corrected.correction() instanceof Correction.OfBirthDate birthDate) {
                born = birthDate.newValue();
            }
        }
        return born;
    }

    Optional<HouseholdView> household(HouseholdId id, Instant asOf) {
        List<StoredEvent> events = until(id.toString(), asOf);
        if (events.isEmpty() || events.stream().anyMatch(event -> event.payload() instanceof HouseholdEnteredInError)) {
            return Optional.empty();
        }
        HouseholdState household = new HouseholdState(id);
        events.forEach(household::apply);
        List<HouseholdView.MemberView> members = new ArrayList<>();
        household.members.forEach((person, member) -> {
            PersonFacts facts = personFacts(person, asOf);
            if (facts.name != null) {
                members.add(new HouseholdView.MemberView(person, facts.name, member.relation, member.since,
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
        return Optional.of(new HouseholdView(id, household.community, household.address, household.postalCode,
                household.kind, household.householdNumber, household.registeredOn, household.version, members));
    }

    /** What the household register keeps of a member: the name, and where they live since when. */
    private record PersonFacts(String name, ResidencyChange residency) {
    }

    private PersonFacts personFacts(PersonId person, Instant asOf) {
        String name = null;
        ResidencyChange residency = null;
        for (StoredEvent event : until(person.toString(), asOf)) {
            Object payload = event.payload();
            if (payload instanceof PersonRegistered registered) {
                name = registered.name();
            } else if (payload instanceof BirthRegistered birth) {
                name = birth.name();
            } else if (payload instanceof PersonDetailCorrected corrected
                    && corrected.correction() instanceof Correction.OfName correctedName) {
                name = correctedName.newValue();
            }
            residency = ResidencyChange.of(payload).orElse(residency);
        }
        return new PersonFacts(name, residency);
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

    /** A row of the household register and its members, as the handlers would have left them. */
    private static final class HouseholdState {

        final HouseholdId id;
        CommunityCode community;
        String address;
        PostalCode postalCode;
        HouseholdKind kind;
        String householdNumber;
        LocalDate registeredOn;
        long version;
        final Map<PersonId, Member> members = new LinkedHashMap<>();

        HouseholdState(HouseholdId id) {
            this.id = id;
        }

        void apply(StoredEvent event) {
            version = event.sequence();
            Object payload = event.payload();
            if (payload instanceof HouseholdRegistered registered) {
                community = registered.communityCode();
                address = registered.address();
                postalCode = registered.postalCode();
                kind = registered.kind();
                householdNumber = registered.householdNumber();
                registeredOn = registered.registeredOn();
            } else if (payload instanceof HouseholdRelocated relocated) {
                community = relocated.communityCode();
                address = relocated.address();
                postalCode = relocated.postalCode();
            } else if (payload instanceof MemberJoinedHousehold joined) {
                members.put(joined.personId(), new Member(joined.relationToHead(), joined.date()));
            } else if (payload instanceof MemberLeftHousehold left && left.reason() != LeavingReason.DIED) {
                members.remove(left.personId());
            } else if (payload instanceof MemberEnteredInError inError) {
                members.remove(inError.personId());
            } else if (payload instanceof HouseholdHeadChanged changed) {
                if (changed.previousHeadId() != null && members.containsKey(changed.previousHeadId())) {
                    members.get(changed.previousHeadId()).relation = changed.previousHeadRelation();
                }
                Member head = members.get(changed.headId());
                if (head != null) {
                    head.relation = RelationToHead.HEAD;
                }
            }
        }
    }

    private static final class Member {

        RelationToHead relation;
        final LocalDate since;

        Member(RelationToHead relation, LocalDate since) {
            this.relation = relation;
            this.since = since;
        }
    }
}
