package org.registry.kernel.person;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpView;
import org.registry.kernel.household.HouseholdHeadChanged;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.RelationToHead;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's record as its facts leave it: the pure fold of the person's own events and of the events of the
 * households they belong to that change what the register shows of them (a household's community, a change of head
 * naming them). It decides nothing (the {@code Person} aggregate decides); readers that answer from events fold with
 * {@link #when} instead of writing the rules again.
 *
 * @param areaHousehold       the household whose community is the person's area: the current one, or the last
 * @param registeredPosition  the global position of the person's registration (a birth's order among twins)
 * @param version             the sequence number of the person's last event folded
 * @param communities         the community of each household folded, by household
 * @param checkUps            the check-ups recorded, by id
 * @param claims              the benefit claims filed (or grants imported), by id, in the order recorded
 */
public record PersonState(PersonId id,
                          NationalId nationalId,
                          String name,
                          Sex sex,
                          LocalDate birthDate,
                          String ethnicity,
                          MaritalStatus maritalStatus,
                          Residency residency,
                          HouseholdId householdId,
                          RelationToHead relation,
                          HouseholdId areaHousehold,
                          LocalDate residentSince,
                          String origin,
                          FloatingCertificate certificate,
                          PersonId motherId,
                          PersonId fatherId,
                          long registeredPosition,
                          LocalDate diedOn,
                          long version,
                          Map<HouseholdId, CommunityCode> communities,
                          Map<CheckUpId, CheckUpView> checkUps,
                          Map<ClaimId, ClaimState> claims) {

    public PersonState {
        communities = Collections.unmodifiableMap(new LinkedHashMap<>(communities));
        checkUps = Collections.unmodifiableMap(new LinkedHashMap<>(checkUps));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** Nothing known yet of the person {@code id}. */
    public static PersonState empty(PersonId id) {
        return new Draft(id).done();
    }

    /** The community of the person's area: that of their household, or of the last one they belonged to. */
    public CommunityCode communityCode() {
        return communities.get(areaHousehold);
    }

    /**
     * The record after {@code event}: one of the person's own events (then recorded with {@code sequence} on their
     * stream at the global {@code position}), or an event of a household they belong to. Any other event, another
     * person's included, leaves it as it is.
     */
    public PersonState when(Object event, long sequence, long position) {
        Draft next = new Draft(this);
        if (event instanceof HouseholdRegistered registered) {
            next.communities.put(registered.householdId(), registered.communityCode());
        } else if (event instanceof HouseholdRelocated relocated) {
            next.communities.put(relocated.householdId(), relocated.communityCode());
        } else if (event instanceof HouseholdHeadChanged changed) {
            if (id.equals(changed.previousHeadId()) && changed.householdId().equals(householdId)) {
                next.relation = changed.previousHeadRelation();
            }
            if (id.equals(changed.headId())) {
                next.relation = RelationToHead.HEAD;
            }
        } else if (event instanceof PersonEvent own && id.equals(own.personId())) {
            next.version = sequence;
            next.apply(own, position);
        } else {
            return this;
        }
        return next.done();
    }

    /** The state being changed by one event: the record's components, mutable. */
    private static final class Draft {

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
        HouseholdId areaHousehold;
        LocalDate residentSince;
        String origin;
        FloatingCertificate certificate;
        PersonId motherId;
        PersonId fatherId;
        long registeredPosition;
        LocalDate diedOn;
        long version;
        final Map<HouseholdId, CommunityCode> communities;
        final Map<CheckUpId, CheckUpView> checkUps;
        final Map<ClaimId, ClaimState> claims;

        Draft(PersonId id) {
            this.id = id;
            communities = new LinkedHashMap<>();
            checkUps = new LinkedHashMap<>();
            claims = new LinkedHashMap<>();
        }

        Draft(PersonState state) {
            id = state.id;
            nationalId = state.nationalId;
            name = state.name;
            sex = state.sex;
            birthDate = state.birthDate;
            ethnicity = state.ethnicity;
            maritalStatus = state.maritalStatus;
            residency = state.residency;
            householdId = state.householdId;
            relation = state.relation;
            areaHousehold = state.areaHousehold;
            residentSince = state.residentSince;
            origin = state.origin;
            certificate = state.certificate;
            motherId = state.motherId;
            fatherId = state.fatherId;
            registeredPosition = state.registeredPosition;
            diedOn = state.diedOn;
            version = state.version;
            communities = new LinkedHashMap<>(state.communities);
            checkUps = new LinkedHashMap<>(state.checkUps);
            claims = new LinkedHashMap<>(state.claims);
        }

        PersonState done() {
            return new PersonState(id, nationalId, name, sex, birthDate, ethnicity, maritalStatus, residency,
                    householdId, relation, areaHousehold, residentSince, origin, certificate, motherId, fatherId,
                    registeredPosition, diedOn, version, communities, checkUps, claims);
        }

        /** What a registration and a birth both record: who, and in which household. */
        private void register(NationalId nationalId, String name, Sex sex, LocalDate birthDate, String ethnicity,
                              Residency residency, HouseholdId household, RelationToHead relation, long position) {
            this.nationalId = nationalId;
            this.name = name;
            this.sex = sex;
            this.birthDate = birthDate;
            this.ethnicity = ethnicity;
            this.residency = residency;
            this.householdId = household;
            this.areaHousehold = household;
            this.relation = relation;
            this.registeredPosition = position;
        }

        void apply(PersonEvent event, long position) {
            if (event instanceof PersonRegistered registered) {
                register(registered.nationalId(), registered.name(), registered.sex(), registered.birthDate(),
                        registered.ethnicity(), registered.residency(), registered.householdId(),
                        registered.relationToHead(), position);
                maritalStatus = registered.maritalStatus();
                residentSince = registered.residentSince();
                origin = registered.origin();
                certificate = registered.certificate();
            } else if (event instanceof BirthRegistered birth) {
                register(birth.nationalId(), birth.name(), birth.sex(), birth.birthDate(), birth.ethnicity(),
                        birth.residency(), birth.householdId(), birth.relationToHead(), position);
                maritalStatus = MaritalStatus.SINGLE;
                residentSince = birth.birthDate();
                motherId = birth.motherId();
                fatherId = birth.fatherId();
            } else if (event instanceof PersonDied died) {
                residency = Residency.DECEASED;
                diedOn = died.date();
                householdId = null;
                relation = null;
            } else if (event instanceof MaritalStatusRegistered marital) {
                maritalStatus = marital.maritalStatus();
            } else if (event instanceof NationalIdAdded added) {
                nationalId = added.nationalId();
            } else if (event instanceof PersonDetailCorrected corrected) {
                corrected.correction().handle(
                        correction -> name = correction.newValue(),
                        correction -> sex = correction.newValue(),
                        correction -> birthDate = correction.newValue(),
                        correction -> ethnicity = correction.newValue(),
                        correction -> nationalId = correction.newValue());
            } else if (event instanceof PersonMovedOut movedOut) {
                residency = Residency.MOVED_OUT;
                if (movedOut.leftHousehold()) {
                    householdId = null;
                    relation = null;
                }
            } else if (event instanceof PersonMovedIn movedIn) {
                residency = movedIn.residency();
                householdId = movedIn.householdId();
                areaHousehold = movedIn.householdId();
                if (movedIn.relationToHead() != null) {
                    relation = movedIn.relationToHead();
                }
                residentSince = movedIn.date();
                origin = movedIn.origin();
                certificate = movedIn.certificate();
            } else if (event instanceof PersonTransferred transferred) {
                householdId = transferred.toHouseholdId();
                areaHousehold = transferred.toHouseholdId();
                relation = transferred.relationToHead();
            } else if (event instanceof CheckUpRecorded checkUp) {
                checkUps.put(checkUp.checkUpId(), new CheckUpView(checkUp.checkUpId(), checkUp.type(), checkUp.date(),
                        checkUp.facility(), checkUp.result(), checkUp.riskLevel(), checkUp.notes(),
                        checkUp.followUpDue()));
            } else if (event instanceof BenefitClaimFiled filed) {
                claims.put(filed.claimId(), ClaimState.filed(filed));
            } else if (event instanceof BenefitGrantImported imported) {
                claims.put(imported.claimId(), ClaimState.imported(imported));
            } else if (event instanceof ClaimFact fact) {
                claims.put(fact.claimId(), claims.get(fact.claimId()).when(event));
            }
        }
    }
}
