package org.registry.query.audit;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.ClaimView;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
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
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.Correction;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.PersonView;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.ResidencyChange;
import org.registry.kernel.person.Sex;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.eventstore.StoredEvents.StoredEvent;

import java.math.BigDecimal;
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
        PersonState person = new PersonState(id);
        merged(own, asOf).forEach(person::apply);
        Integer birthOrder = person.motherId == null ? null : birthOrder(person, asOf);
        return Optional.of(person.view(birthOrder));
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
        PersonState person = new PersonState(id);
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
                person.apply(merged.get(applied++));
            }
            states.add(person.view(person.motherId == null ? null : birthOrder(person, asOf)));
        }
        return states;
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
        for (StoredEvent event : until(child.motherId.toString(), asOf)) {
            if (event.payload() instanceof BecameParent parent && parent.role() == ParentRole.MOTHER
                    && !parent.childId().equals(child.id)) {
                List<StoredEvent> sibling = until(parent.childId().toString(), asOf);
                if (!sibling.isEmpty()) {
                    siblings.add(new BirthOrder.Birth(parent.childId(), birthDateOf(sibling), sibling.get(0).position()));
                }
            }
        }
        return BirthOrder.of(new BirthOrder.Birth(child.id, child.birthDate, child.registeredPosition), siblings);
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

    /** A row of the person index, and the rows of its check-ups and claims, as the handlers would have left them. */
    private static final class PersonState {

        final PersonId id;
        NationalId nationalId;
        String name;
        Sex sex;
        LocalDate birthDate;
        String ethnicity;
        MaritalStatus maritalStatus;
        Residency residency;
        HouseholdId householdId;
        RelationToHead relation;
        /** The household whose community is the person's area: the current one, or the last. */
        HouseholdId areaHousehold;
        LocalDate residentSince;
        String origin;
        FloatingCertificate certificate;
        PersonId motherId;
        PersonId fatherId;
        long registeredPosition;
        LocalDate diedOn;
        long version;
        final Map<HouseholdId, CommunityCode> communities = new HashMap<>();
        final Map<String, CheckUpView> checkUps = new LinkedHashMap<>();
        final Map<ClaimId, ClaimState> claims = new LinkedHashMap<>();

        PersonState(PersonId id) {
            this.id = id;
        }

        void apply(StoredEvent event) {
            Object payload = event.payload();
            if (payload instanceof HouseholdRegistered registered) {
                communities.put(registered.householdId(), registered.communityCode());
                return;
            }
            if (payload instanceof HouseholdRelocated relocated) {
                communities.put(relocated.householdId(), relocated.communityCode());
                return;
            }
            if (payload instanceof HouseholdHeadChanged changed) {
                if (id.equals(changed.previousHeadId()) && changed.householdId().equals(householdId)) {
                    relation = changed.previousHeadRelation();
                }
                if (id.equals(changed.headId())) {
                    relation = RelationToHead.HEAD;
                }
                return;
            }
            if (!id.toString().equals(event.aggregateId())) {
                return;
            }
            version = event.sequence();
            if (payload instanceof PersonRegistered registered) {
                nationalId = registered.nationalId();
                name = registered.name();
                sex = registered.sex();
                birthDate = registered.birthDate();
                ethnicity = registered.ethnicity();
                maritalStatus = registered.maritalStatus();
                residency = registered.residency();
                householdId = registered.householdId();
                areaHousehold = registered.householdId();
                relation = registered.relationToHead();
                residentSince = registered.residentSince();
                origin = registered.origin();
                certificate = registered.certificate();
                registeredPosition = event.position();
            } else if (payload instanceof BirthRegistered birth) {
                nationalId = birth.nationalId();
                name = birth.name();
                sex = birth.sex();
                birthDate = birth.birthDate();
                ethnicity = birth.ethnicity();
                maritalStatus = MaritalStatus.SINGLE;
                residency = birth.residency();
                householdId = birth.householdId();
                areaHousehold = birth.householdId();
                relation = birth.relationToHead();
                residentSince = birth.birthDate();
                motherId = birth.motherId();
                fatherId = birth.fatherId();
                registeredPosition = event.position();
            } else if (payload instanceof PersonDied died) {
                residency = Residency.DECEASED;
                diedOn = died.date();
                householdId = null;
                relation = null;
            } else if (payload instanceof MaritalStatusRegistered marital) {
                maritalStatus = marital.maritalStatus();
            } else if (payload instanceof NationalIdAdded added) {
                nationalId = added.nationalId();
            } else if (payload instanceof PersonDetailCorrected corrected) {
                corrected.correction().handle(
                        correction -> name = correction.newValue(),
                        correction -> sex = correction.newValue(),
                        correction -> birthDate = correction.newValue(),
                        correction -> ethnicity = correction.newValue(),
                        correction -> nationalId = correction.newValue());
            } else if (payload instanceof PersonMovedOut movedOut) {
                residency = Residency.MOVED_OUT;
                if (movedOut.leftHousehold()) {
                    householdId = null;
                    relation = null;
                }
            } else if (payload instanceof PersonMovedIn movedIn) {
                residency = movedIn.residency();
                householdId = movedIn.householdId();
                areaHousehold = movedIn.householdId();
                if (movedIn.relationToHead() != null) {
                    relation = movedIn.relationToHead();
                }
                residentSince = movedIn.date();
                origin = movedIn.origin();
                certificate = movedIn.certificate();
            } else if (payload instanceof PersonTransferred transferred) {
                householdId = transferred.toHouseholdId();
                areaHousehold = transferred.toHouseholdId();
                relation = transferred.relationToHead();
            } else if (payload instanceof CheckUpRecorded checkUp) {
                checkUps.put(checkUp.checkUpId().toString(), new CheckUpView(checkUp.checkUpId(), checkUp.type(),
                        checkUp.date(), checkUp.facility(), checkUp.result(), checkUp.riskLevel(), checkUp.notes(),
                        checkUp.followUpDue()));
            } else if (payload instanceof BenefitClaimFiled filed) {
                claims.put(filed.claimId(), new ClaimState(filed.claimId(), filed.programme(), filed.filedOn()));
            } else if (payload instanceof BenefitClaimApproved approved) {
                claims.get(approved.claimId()).status = ClaimStatus.afterApprovalAt(approved.stage());
            } else if (payload instanceof BenefitClaimRejected rejected) {
                claims.get(rejected.claimId()).status = ClaimStatus.REJECTED;
            } else if (payload instanceof PublicNoticeStarted notice) {
                ClaimState claim = claims.get(notice.claimId());
                claim.status = ClaimStatus.PUBLIC_NOTICE;
                // The index keeps the instant as a SQL timestamp, rounded to the microsecond (PostgreSQL and H2 alike).
                claim.noticeEndsAt = notice.endsAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            } else if (payload instanceof ObjectionRaised raised) {
                ClaimState claim = claims.get(raised.claimId());
                claim.status = ClaimStatus.OBJECTED;
                claim.openObjections++;
            } else if (payload instanceof ObjectionResolved resolved) {
                ClaimState claim = claims.get(resolved.claimId());
                if (claim.openObjections == 1 && !resolved.upheld()) {
                    claim.status = ClaimStatus.PUBLIC_NOTICE;
                }
                claim.openObjections--;
            } else if (payload instanceof BenefitClaimGranted granted) {
                ClaimState claim = claims.get(granted.claimId());
                claim.status = ClaimStatus.GRANTED;
                claim.grantedOn = granted.grantedOn();
            } else if (payload instanceof BenefitPaid paid) {
                ClaimState claim = claims.get(paid.claimId());
                claim.paidTotal = claim.paidTotal.add(paid.amount());
            } else if (payload instanceof BenefitClaimEnded ended) {
                ClaimState claim = claims.get(ended.claimId());
                claim.status = ClaimStatus.ENDED;
                claim.endedOn = ended.endedOn();
                claim.endReason = ended.reason();
            }
        }

        PersonView view(Integer birthOrder) {
            // The person index's order of check-ups: latest first, then by id as the database orders UUIDs.
            List<CheckUpView> checkUpList = checkUps.values().stream()
                    .sorted(Comparator.comparing(CheckUpView::date).reversed()
                                      .thenComparing(checkUp -> checkUp.checkUpId().toString()))
                    .toList();
            List<ClaimView> claimList = claims.values().stream()
                    .sorted(Comparator.comparing((ClaimState claim) -> claim.filedOn)
                                      .thenComparing(claim -> claim.id.toString()))
                    .map(ClaimState::view)
                    .toList();
            return new PersonView(id, nationalId, name, sex, birthDate, ethnicity, maritalStatus, residency,
                    householdId, relation, communities.get(areaHousehold), residentSince, origin, certificate,
                    motherId, fatherId, birthOrder, diedOn, version, checkUpList, claimList);
        }
    }

    private static final class ClaimState {

        final ClaimId id;
        final Programme programme;
        final LocalDate filedOn;
        ClaimStatus status = ClaimStatus.APPLIED;
        Instant noticeEndsAt;
        int openObjections;
        LocalDate grantedOn;
        LocalDate endedOn;
        EndReason endReason;
        BigDecimal paidTotal = BigDecimal.ZERO;

        ClaimState(ClaimId id, Programme programme, LocalDate filedOn) {
            this.id = id;
            this.programme = programme;
            this.filedOn = filedOn;
        }

        ClaimView view() {
            return new ClaimView(id, programme, status, filedOn, noticeEndsAt, grantedOn, endedOn, endReason,
                    paidTotal.setScale(2));
        }
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
