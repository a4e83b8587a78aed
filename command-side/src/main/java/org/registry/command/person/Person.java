package org.registry.command.person;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.registry.command.directory.NationalIdHolders;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.registry.command.benefit.BenefitSettings;
import org.registry.command.directory.Kinship;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.DecideBenefitClaim;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.FileBenefitClaim;
import org.registry.kernel.benefit.PayBenefit;
import org.registry.kernel.benefit.PaymentOutcome;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.RaiseObjection;
import org.registry.kernel.benefit.RecertifyBenefitClaim;
import org.registry.kernel.benefit.RecordImportedGrant;
import org.registry.kernel.benefit.ResolveObjection;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.RecordCheckUp;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.ChildBirthDateCorrected;
import org.registry.kernel.person.Correction;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.AddNationalId;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CorrectPersonDetail;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MaritalStatusRegistered;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonDetailCorrected;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.EnterPersonInError;
import org.registry.kernel.person.PersonEnteredInError;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedIn;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PersonTransferred;
import org.registry.kernel.person.RegisterBirth;
import org.registry.kernel.person.RegisterMaritalStatus;
import org.registry.kernel.person.RegisterPerson;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person (人) on the register: identity, household membership, residency, marital status, the children born
 * to them, and death. Decisions that also change a household are taken here and carried out together with the
 * household by {@link Registrations}.
 */
@Aggregate
class Person {

    /** A floating-population certificate is issued for a few years; one valid for longer is a typing error. */
    static final int LONGEST_CERTIFICATE_YEARS = 10;

    @AggregateIdentifier
    private PersonId personId;
    private NationalId nationalId;
    private String name;
    private Sex sex;
    private LocalDate birthDate;
    private String ethnicity;
    private MaritalStatus maritalStatus;
    private LocalDate maritalSince;
    private HouseholdId householdId;
    private Residency residency;
    /** The day of the latest change of residency or household; moves may not be dated before it. */
    private LocalDate settledOn;
    /** The day of the latest fact of the person's life; death may not be dated before it. */
    private LocalDate lastFactOn;
    private LocalDate diedOn;
    /** Where the person lived before moving away: a return restores it. */
    private Residency residencyBeforeMoveOut;
    private PersonId motherId;
    private PersonId fatherId;
    private final List<Child> children = new ArrayList<>();
    private final Set<CheckUpId> checkUps = new HashSet<>();
    /** Each claim applies the events about it to itself (Axon routes them by {@code claimId}). */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<ClaimId, BenefitClaim> claims = new LinkedHashMap<>();

    /** The import that registered the person, if one did: only its own facts may be taken back with it. */
    private java.util.UUID registeredByImport;
    private boolean enteredInError;

    private record Child(PersonId childId, LocalDate birthDate) {
    }

    Person() {
        // for Axon
    }

    Person(RegisterPerson command, LocalDate today, NationalIdHolders holders) {
        requireBirthDate(command.birthDate(), today, "birthDate");
        command.nationalId().requireAgreesWith(command.birthDate(), command.sex());
        holders.requireFree(command.nationalId(), command.personId());
        // A registration that does not say when the stay here began records one beginning today.
        LocalDate residentSince = command.residentSince() != null ? command.residentSince() : today;
        Require.notInFuture(residentSince, today, "residentSince");
        requireNotBeforeBirth(residentSince, command.birthDate(), "residentSince");
        if (command.certificate() != null && command.residency() != Residency.FLOATING_IN) {
            throw RejectionException.invalid("certificateNumber", "VALIDATION_FAILED",
                    "a floating-population certificate belongs to a FLOATING_IN resident");
        }
        requirePlausible(command.certificate(), today);
        apply(new PersonRegistered(command.personId(), command.nationalId(), command.name(), command.sex(),
                command.birthDate(), command.ethnicity(), command.maritalStatus(), command.householdId(),
                command.relationToHead(), command.residency(), residentSince, command.origin(),
                command.moveReason(), command.certificate()));
    }

    /** The day of the latest change of the person's residency or household (registration, move, transfer). */
    LocalDate settledOn() {
        return settledOn;
    }

    Person(RegisterBirth command, Residency residency, LocalDate today, NationalIdHolders holders) {
        requireBirthDate(command.birthDate(), today, "birthDate");
        if (command.nationalId() != null) {
            command.nationalId().requireAgreesWith(command.birthDate(), command.sex());
            holders.requireFree(command.nationalId(), command.childId());
        }
        apply(new BirthRegistered(command.childId(), command.motherId(), command.fatherId(), command.name(),
                command.sex(), command.birthDate(), command.nationalId(), command.ethnicity(),
                command.householdId(), command.relationToHead(), residency));
    }

    /**
     * This woman gave birth to {@code child} on {@code birthDate}.
     *
     * @return the child's birth order among her live births, by birth date (twins by the order of registration)
     */
    int recordBirthAsMother(PersonId child, LocalDate birthDate, LocalDate today) {
        requireBirthDate(birthDate, today, "birthDate");
        Policy.requireAll(ParentPolicy.ofAMother(), birthOn(birthDate, birthsOtherThan(child)));
        apply(new BecameParent(personId, child, ParentRole.MOTHER, birthDate));
        return birthOrderOf(child);
    }

    /** This man fathered {@code child}, born on {@code birthDate}. */
    void recordBirthAsFather(PersonId child, LocalDate birthDate) {
        Policy.requireAll(ParentPolicy.ofAFather(), birthOn(birthDate, List.of()));
        apply(new BecameParent(personId, child, ParentRole.FATHER, birthDate));
    }

    /** A newborn lives where its mother lives: here as a floating resident if she is one. */
    Residency residencyOfNewborn() {
        return residency == Residency.FLOATING_IN ? Residency.FLOATING_IN : Residency.PERMANENT;
    }

    /**
     * The person's record was entered in error by {@code command.importId()}, which is taken back. Refused when
     * another import or no import registered the person, or when the record holds a fact after its registration:
     * a later fact (a birth, a move, a check-up, a claim, a correction) depends on the record.
     *
     * @return the household the person belonged to, which drops them too
     */
    HouseholdId enterInError(EnterPersonInError command) {
        if (registeredByImport == null || !registeredByImport.equals(command.importId())) {
            throw RejectionException.conflict("NOT_REGISTERED_BY_IMPORT", "person " + personId
                    + " was not registered by import " + command.importId());
        }
        Long version = AggregateLifecycle.getVersion();
        if (version != null && version > 0) {
            throw RejectionException.conflict("RECORD_HAS_LATER_FACTS", "person " + personId + " has "
                    + version + " fact(s) recorded after the import registered them; they depend on the record");
        }
        HouseholdId household = householdId;
        apply(new PersonEnteredInError(personId, command.importId(), command.reason()));
        return household;
    }

    /** A record entered in error accepts no further fact: {@code 409 RECORD_ENTERED_IN_ERROR}. */
    @CommandHandlerInterceptor
    void refuseWhenEnteredInError() {
        requireNotEnteredInError();
    }

    void requireNotEnteredInError() {
        if (enteredInError) {
            throw RejectionException.conflict("RECORD_ENTERED_IN_ERROR", "person " + personId
                    + " was entered in error (an import taken back); the record accepts no further fact");
        }
    }

    /** @return the household the person leaves by dying, if any */
    HouseholdId recordDeath(LocalDate date, LocalDate today) {
        requireLiving();
        Require.notInFuture(date, today, "date");
        requireNotBeforeBirth(date, birthDate, "date");
        if (lastFactOn != null && date.isBefore(lastFactOn)) {
            throw RejectionException.invalid("date", "DATE_BEFORE_LAST_FACT",
                    "the record holds a fact dated " + lastFactOn + "; a death cannot be dated " + date);
        }
        HouseholdId left = householdId;
        apply(new PersonDied(personId, date));
        endClaims(EndReason.BENEFICIARY_DIED, date);
        return left;
    }

    /** @return the household the person leaves by moving away (a floating resident's), or null */
    HouseholdId moveOut(LocalDate date, String destination, MoveReason reason, LocalDate today) {
        requireLiving();
        if (!residency.livesHere()) {
            throw RejectionException.conflict("INVALID_STATE",
                    "person " + personId + " has already moved away; record the return with direction IN");
        }
        requireMoveDate(date, today);
        boolean leaves = residency == Residency.FLOATING_IN;
        HouseholdId left = leaves ? householdId : null;
        apply(new PersonMovedOut(personId, date, destination, reason, residency, leaves));
        endClaims(EndReason.MOVED_AWAY, date);
        return left;
    }

    /**
     * The person, who had moved away, lives here again: in their household, or in {@code household}.
     *
     * @return the change of household it makes, or null when the person stays in their household
     */
    HouseholdChange moveIn(LocalDate date, String origin, MoveReason reason, HouseholdId household,
                           RelationToHead relation, FloatingCertificate certificate, LocalDate today) {
        requireLiving();
        if (residency != Residency.MOVED_OUT) {
            throw RejectionException.conflict("INVALID_STATE",
                    "person " + personId + " lives here already (" + residency + "); only a person who moved away "
                            + "can move in again");
        }
        requireMoveDate(date, today);
        HouseholdId destination = household != null ? household : householdId;
        if (destination == null) {
            throw RejectionException.invalid("toHouseholdId", "VALIDATION_FAILED",
                    "person " + personId + " belongs to no household any more: name the household to live in");
        }
        HouseholdChange change = destination.equals(householdId) ? null
                : new HouseholdChange(householdId, destination, relation);
        if (change != null && relation == null) {
            throw RejectionException.invalid("relationToHead", "VALIDATION_FAILED",
                    "relationToHead is required when the person joins another household");
        }
        Residency now = residencyBeforeMoveOut == null ? Residency.PERMANENT : residencyBeforeMoveOut;
        if (certificate != null && now != Residency.FLOATING_IN) {
            throw RejectionException.invalid("certificateNumber", "VALIDATION_FAILED",
                    "person " + personId + " returns as a " + now + " resident; a floating-population certificate "
                            + "belongs to a FLOATING_IN resident");
        }
        requirePlausible(certificate, today);
        apply(new PersonMovedIn(personId, date, origin, reason, now, destination,
                change == null ? null : relation, certificate));
        return change;
    }

    /**
     * A person leaves one household ({@code left}, null when they belonged to none) and joins another.
     */
    record HouseholdChange(HouseholdId left, HouseholdId joined, RelationToHead relation) {
    }

    /** @return the household the person leaves */
    HouseholdId transfer(HouseholdId to, RelationToHead relation, LocalDate date, LocalDate today) {
        requireLiving();
        if (householdId == null) {
            throw RejectionException.conflict("INVALID_STATE",
                    "person " + personId + " belongs to no household; a move IN names the household to join");
        }
        if (householdId.equals(to)) {
            throw RejectionException.unprocessable("toHouseholdId", "NOTHING_CHANGES",
                    "person " + personId + " is a member of household " + to + " already");
        }
        requireMoveDate(date, today);
        HouseholdId from = householdId;
        apply(new PersonTransferred(personId, from, to, relation, date));
        return from;
    }

    @CommandHandler
    void handle(RegisterMaritalStatus command, Clock clock) {
        requireLiving();
        LocalDate date = command.date();
        Require.notInFuture(date, LocalDate.now(clock), "date");
        requireNotBeforeBirth(date, birthDate, "date");
        MaritalStatus next = command.maritalStatus();
        Policy.requireAll(MaritalPolicy.ofAChange(), new MaritalPolicy.Change(maritalStatus, maritalSince, next, date));
        apply(new MaritalStatusRegistered(personId, next, maritalStatus, date));
    }

    @CommandHandler
    void handle(AddNationalId command, NationalIdHolders holders) {
        requireLiving();
        if (nationalId != null) {
            throw RejectionException.invalidState("person " + personId + " has national ID " + nationalId
                    + " already; a wrong one is corrected (field nationalId)");
        }
        command.nationalId().requireAgreesWith(birthDate, sex);
        holders.requireFree(command.nationalId(), personId);
        apply(new NationalIdAdded(personId, command.nationalId()));
    }

    /**
     * Corrections are the one fact a deceased person's record still accepts.
     *
     * @return the birth date before a correction of it, for the parents' records to follow; null otherwise
     */
    LocalDate correct(CorrectPersonDetail command, LocalDate today, NationalIdHolders holders) {
        String value = command.value();
        Correction correction = switch (command.field()) {
            case NAME -> new Correction.OfName(name, Require.text(value, "value", 50));
            case ETHNICITY -> new Correction.OfEthnicity(ethnicity, Require.optionalText(value, "value", 20));
            case SEX -> {
                Sex corrected = parse(value, Sex.class);
                if (nationalId != null) {
                    nationalId.requireAgreesWith(null, corrected);
                }
                yield new Correction.OfSex(sex, corrected);
            }
            case BIRTH_DATE -> {
                LocalDate corrected = parseDate(value);
                requireBirthDate(corrected, today, "value");
                if (nationalId != null) {
                    nationalId.requireAgreesWith(corrected, null);
                }
                LocalDate earliest = earliestFact();
                if (earliest != null && earliest.isBefore(corrected)) {
                    throw RejectionException.invalid("value", "DATE_AFTER_LATER_FACTS",
                            "the record holds a fact dated " + earliest + "; the person cannot be born after it");
                }
                yield new Correction.OfBirthDate(birthDate, corrected);
            }
            case NATIONAL_ID -> {
                NationalId corrected = new NationalId(Require.text(value, "value", 18));
                corrected.requireAgreesWith(birthDate, sex);
                holders.requireFree(corrected, personId);
                yield new Correction.OfNationalId(nationalId, corrected);
            }
        };
        if (correction.changesNothing()) {
            throw RejectionException.unprocessable("value", "NOTHING_CHANGES",
                    command.field().apiName() + " is " + correction.oldValue() + " already");
        }
        apply(new PersonDetailCorrected(personId, correction, command.reason()));
        return correction instanceof Correction.OfBirthDate birth ? birth.oldValue() : null;
    }

    /**
     * The birth date of a child of this person was corrected: the births follow it, and so must the rules on
     * them; an award resting on the child ends on the child's (corrected) 14th birthday.
     */
    void childBirthDateCorrected(PersonId child, LocalDate previous, LocalDate corrected, DeadlineManager deadlines,
                                 Clock clock) {
        Policy.requireAll(ParentPolicy.ofACorrectedBirth(),
                birthOn(corrected, isMotherOf(child) ? birthsOtherThan(child) : List.of()));
        apply(new ChildBirthDateCorrected(personId, child, previous, corrected));
        claims.forEach((id, claim) -> {
            if (claim.granted() && claim.programme() == Programme.ONLY_CHILD_PARENT_AWARD
                    && child.equals(claim.childId())) {
                deadlines.cancelAllWithinScope(CHILD_TURNS_14);
                scheduleEndOfAward(id, corrected.plusYears(ClaimPolicy.AWARD_CHILD_AGE_LIMIT), deadlines, clock);
            }
        });
    }

    private boolean isMotherOf(PersonId child) {
        return sex == Sex.FEMALE && children.stream().anyMatch(c -> c.childId().equals(child));
    }

    /** A birth of a child of this person on {@code childBorn}, as the rules on parents see it. */
    private ParentPolicy.Birth birthOn(LocalDate childBorn, List<LocalDate> otherBirths) {
        return new ParentPolicy.Birth(personId, sex, birthDate, diedOn, childBorn, otherBirths);
    }

    private List<LocalDate> birthsOtherThan(PersonId child) {
        return children.stream().filter(other -> !other.childId().equals(child)).map(Child::birthDate).toList();
    }

    /** The parents of this person, as the register knows them, for facts about a child that concern them. */
    List<PersonId> parents() {
        List<PersonId> parents = new ArrayList<>();
        if (motherId != null) {
            parents.add(motherId);
        }
        if (fatherId != null) {
            parents.add(fatherId);
        }
        return parents;
    }

    /** A child of this person died: an award resting on that only child ends. */
    void childDied(PersonId child, LocalDate date) {
        claims.values().stream()
              .filter(claim -> claim.programme() == Programme.ONLY_CHILD_PARENT_AWARD && child.equals(claim.childId()))
              .forEach(claim -> claim.end(EndReason.CHILD_DIED, date));
    }

    private void endClaims(EndReason reason, LocalDate date) {
        claims.values().forEach(claim -> claim.end(reason, date));
    }

    // ---- check-ups ------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordCheckUp command, Clock clock, CheckUpSettings settings) {
        requireLiving();
        Require.notInFuture(command.date(), LocalDate.now(clock), "date");
        requireNotBeforeBirth(command.date(), birthDate, "date");
        Policy.requireAll(CheckUpPolicy.ofACheckUp(),
                new CheckUpPolicy.CheckUp(personId, sex, checkUps, command.checkUpId(), command.type()));
        // A high-risk finding is always followed up: the clerk's day, or the configured period after the check-up.
        LocalDate followUpDue = command.followUpDue() == null && command.riskLevel() == RiskLevel.HIGH
                ? command.date().plus(settings.highRiskFollowUp()) : command.followUpDue();
        apply(new CheckUpRecorded(personId, command.checkUpId(), command.type(), command.date(), command.facility(),
                command.result(), command.riskLevel(), command.notes(), followUpDue));
    }

    // ---- benefit claims -------------------------------------------------------------------------------------

    static final String CHILD_TURNS_14 = "only-child-turns-14";

    @CommandHandler
    void handle(FileBenefitClaim command, Clock clock, Kinship kinship) {
        requireLiving();
        ClaimPolicy.Applicant applicant = eligible(command.programme(), command.basis(), LocalDate.now(clock), kinship);
        apply(new BenefitClaimFiled(personId, command.claimId(), command.programme(),
                applicant.childTheClaimRestsOn(), command.basis(), applicant.today()));
    }

    /**
     * A grant the office made before the register, brought in by an import: eligible by the rules a claim is filed
     * by, on what the register knows on the import day, and granted from its own day (an award then ends on its only
     * child's 14th birthday, as one granted here).
     */
    @CommandHandler
    void handle(RecordImportedGrant command, Clock clock, Kinship kinship, DeadlineManager deadlines) {
        requireLiving();
        LocalDate today = LocalDate.now(clock);
        Require.notInFuture(command.grantedOn(), today, "grantedOn");
        requireNotBeforeBirth(command.grantedOn(), birthDate, "grantedOn");
        ClaimPolicy.Applicant applicant = eligible(command.programme(), command.basis(), today, kinship);
        apply(new BenefitGrantImported(personId, command.claimId(), command.programme(),
                applicant.childTheClaimRestsOn(), command.basis(), command.grantedOn(), today));
        scheduleEndOfAward(command.claimId(), childTurns14(claim(command.claimId()), kinship), deadlines, clock);
    }

    /** The person as a claim of the programme sees them on {@code today}, once the claims' rules allow it. */
    private ClaimPolicy.Applicant eligible(Programme programme, String basis, LocalDate today, Kinship kinship) {
        ClaimPolicy.Applicant applicant = new ClaimPolicy.Applicant(personId, birthDate, residency, openClaims(),
                programme, kinship.childrenOf(personId), kinship.communityOf(personId).orElse(null), basis, today);
        Policy.requireAll(ClaimPolicy.forProgramme(programme), applicant);
        return applicant;
    }

    private Set<Programme> openClaims() {
        return claims.values().stream().filter(BenefitClaim::open).map(BenefitClaim::programme)
                     .collect(Collectors.toSet());
    }

    @CommandHandler
    void handle(DecideBenefitClaim command, Clock clock, DeadlineManager deadlines, BenefitSettings settings,
                @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        claim(command.claimId()).decide(command.stage(), command.outcome(), command.note(), actor,
                LocalDate.now(clock), clock.instant(), settings.publicNoticePeriod(), deadlines);
    }

    @CommandHandler
    void handle(RaiseObjection command, Clock clock) {
        claim(command.claimId()).raiseObjection(command.objectionId(), command.note(), LocalDate.now(clock),
                clock.instant());
    }

    @CommandHandler
    void handle(ResolveObjection command, Clock clock, DeadlineManager deadlines, Kinship kinship,
                @MetaDataValue(AuditMetaData.ACTOR) String actor) {
        BenefitClaim claim = claim(command.claimId());
        LocalDate childTurns14 = childTurns14(claim, kinship);
        if (claim.resolveObjection(command.objectionId(), command.upheld(), command.note(), actor,
                LocalDate.now(clock), childTurns14)) {
            scheduleEndOfAward(command.claimId(), childTurns14, deadlines, clock);
        }
    }

    @CommandHandler
    void handle(RecertifyBenefitClaim command, Clock clock) {
        claim(command.claimId()).recertify(command.year(), command.outcome(), command.reason(), LocalDate.now(clock));
    }

    @CommandHandler
    PaymentOutcome handle(PayBenefit command, Clock clock) {
        return claim(command.claimId()).pay(command.period(), command.amount(), LocalDate.now(clock));
    }

    /** The public notice of a claim ran its course: granted unless an objection holds it. */
    @DeadlineHandler(deadlineName = BenefitClaim.PUBLIC_NOTICE_ENDS)
    void publicNoticeEnds(ClaimId claimId, Clock clock, DeadlineManager deadlines, Kinship kinship) {
        BenefitClaim claim = claims.get(claimId);
        if (claim == null) {
            return;
        }
        LocalDate childTurns14 = childTurns14(claim, kinship);
        if (claim.noticeEnds(LocalDate.now(clock), clock.instant(), childTurns14)) {
            scheduleEndOfAward(claimId, childTurns14, deadlines, clock);
        }
    }

    /** The day the only child of an award turns 14, as the register knows its birth date now; else null. */
    private static LocalDate childTurns14(BenefitClaim claim, Kinship kinship) {
        if (claim.programme() != Programme.ONLY_CHILD_PARENT_AWARD || claim.childId() == null) {
            return null;
        }
        return kinship.find(claim.childId())
                      .map(child -> child.birthDate().plusYears(ClaimPolicy.AWARD_CHILD_AGE_LIMIT)).orElse(null);
    }

    /** A granted award ends by itself on its only child's 14th birthday. */
    private void scheduleEndOfAward(ClaimId claimId, LocalDate childTurns14, DeadlineManager deadlines, Clock clock) {
        if (childTurns14 != null) {
            deadlines.schedule(childTurns14.atStartOfDay(clock.getZone()).toInstant(), CHILD_TURNS_14, claimId);
        }
    }

    /** Ends the award on the birthday itself, whenever the deadline runs. */
    @DeadlineHandler(deadlineName = CHILD_TURNS_14)
    void onlyChildTurns14(ClaimId claimId, Clock clock, Kinship kinship) {
        BenefitClaim claim = claims.get(claimId);
        LocalDate birthday = claim == null ? null : childTurns14(claim, kinship);
        if (birthday != null && claim.granted() && !birthday.isAfter(LocalDate.now(clock))) {
            claim.end(EndReason.CHILD_TURNED_14, birthday);
        }
    }

    private BenefitClaim claim(ClaimId id) {
        BenefitClaim claim = claims.get(id);
        if (claim == null) {
            throw RejectionException.notFound("claimId", "CLAIM_NOT_FOUND",
                    "person " + personId + " has no benefit claim " + id);
        }
        return claim;
    }

    /** Her children in the order their births were recorded here, which is the order of their registration. */
    private int birthOrderOf(PersonId child) {
        List<BirthOrder.Birth> births = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            births.add(new BirthOrder.Birth(children.get(i).childId(), children.get(i).birthDate(), i));
        }
        return BirthOrder.of(births.stream().filter(birth -> birth.child().equals(child)).findFirst().orElseThrow(),
                births);
    }

    private LocalDate earliestFact() {
        List<LocalDate> dates = new ArrayList<>();
        if (settledOn != null) {
            dates.add(settledOn);
        }
        if (maritalSince != null) {
            dates.add(maritalSince);
        }
        children.forEach(child -> dates.add(child.birthDate()));
        if (diedOn != null) {
            dates.add(diedOn);
        }
        return dates.isEmpty() ? null : Collections.min(dates);
    }

    private void requireLiving() {
        if (diedOn != null) {
            throw RejectionException.invalidState("person " + personId + " died on " + diedOn
                    + "; the record accepts corrections only");
        }
    }

    private void requireMoveDate(LocalDate date, LocalDate today) {
        Require.notInFuture(date, today, "date");
        requireNotBeforeBirth(date, birthDate, "date");
        if (settledOn != null && date.isBefore(settledOn)) {
            throw RejectionException.invalid("date", "DATE_BEFORE_LAST_MOVE",
                    "the person lives where the register says since " + settledOn + "; a move cannot be dated "
                            + date);
        }
    }

    private static void requireBirthDate(LocalDate date, LocalDate today, String field) {
        Require.notInFuture(date, today, field);
        if (date.isBefore(today.minusYears(130))) {
            throw RejectionException.invalid(field, "DATE_IMPLAUSIBLE", "a birth date of " + date + " is implausible");
        }
    }

    private static void requirePlausible(FloatingCertificate certificate, LocalDate today) {
        if (certificate != null && certificate.expiry().isAfter(today.plusYears(LONGEST_CERTIFICATE_YEARS))) {
            throw RejectionException.invalid("certificateExpiry", "DATE_IMPLAUSIBLE", "a certificate expiring on "
                    + certificate.expiry() + " would be valid for more than " + LONGEST_CERTIFICATE_YEARS + " years");
        }
    }

    private static void requireNotBeforeBirth(LocalDate date, LocalDate birthDate, String field) {
        if (date.isBefore(birthDate)) {
            throw RejectionException.invalid(field, "DATE_BEFORE_BIRTH",
                    field + " " + date + " lies before the person's birth on " + birthDate);
        }
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        try {
            return Enum.valueOf(type, Require.text(value, "value", 20).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RejectionException.invalid("value", "VALIDATION_FAILED",
                    "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(Require.text(value, "value", 10));
        } catch (DateTimeParseException e) {
            throw RejectionException.invalid("value", "VALIDATION_FAILED", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event, @MetaDataValue(AuditMetaData.IMPORT_ID) String importId) {
        registeredByImport = importId == null ? null : java.util.UUID.fromString(importId);
        personId = event.personId();
        nationalId = event.nationalId();
        name = event.name();
        sex = event.sex();
        birthDate = event.birthDate();
        ethnicity = event.ethnicity();
        maritalStatus = event.maritalStatus();
        householdId = event.householdId();
        residency = event.residency();
        settledOn = event.residentSince();
        lastFactOn = event.residentSince();
    }

    @EventSourcingHandler
    void on(BirthRegistered event) {
        personId = event.personId();
        motherId = event.motherId();
        fatherId = event.fatherId();
        nationalId = event.nationalId();
        name = event.name();
        sex = event.sex();
        birthDate = event.birthDate();
        ethnicity = event.ethnicity();
        maritalStatus = MaritalStatus.SINGLE;
        householdId = event.householdId();
        residency = event.residency();
    }

    @EventSourcingHandler
    void on(BecameParent event) {
        children.add(new Child(event.childId(), event.childBirthDate()));
        if (event.role() == ParentRole.MOTHER) {
            lastFactOn = latest(lastFactOn, event.childBirthDate());
        }
    }

    @EventSourcingHandler
    void on(ChildBirthDateCorrected event) {
        children.replaceAll(child -> child.childId().equals(event.childId())
                ? new Child(child.childId(), event.birthDate()) : child);
    }

    @EventSourcingHandler
    void on(PersonDied event) {
        diedOn = event.date();
        residency = Residency.DECEASED;
        householdId = null;
    }

    @EventSourcingHandler
    void on(MaritalStatusRegistered event) {
        maritalStatus = event.maritalStatus();
        maritalSince = event.date();
        lastFactOn = latest(lastFactOn, event.date());
    }

    @EventSourcingHandler
    void on(NationalIdAdded event) {
        nationalId = event.nationalId();
    }

    @EventSourcingHandler
    void on(PersonDetailCorrected event) {
        event.correction().handle(
                corrected -> name = corrected.newValue(),
                corrected -> sex = corrected.newValue(),
                corrected -> birthDate = corrected.newValue(),
                corrected -> ethnicity = corrected.newValue(),
                corrected -> nationalId = corrected.newValue());
    }

    @EventSourcingHandler
    void on(PersonMovedOut event) {
        residencyBeforeMoveOut = event.previousResidency();
        residency = Residency.MOVED_OUT;
        if (event.leftHousehold()) {
            householdId = null;
        }
        settledOn = event.date();
        lastFactOn = latest(lastFactOn, event.date());
    }

    @EventSourcingHandler
    void on(PersonMovedIn event) {
        residency = event.residency();
        householdId = event.householdId();
        settledOn = event.date();
        lastFactOn = latest(lastFactOn, event.date());
    }

    @EventSourcingHandler
    void on(PersonTransferred event) {
        householdId = event.toHouseholdId();
        settledOn = event.date();
        lastFactOn = latest(lastFactOn, event.date());
    }

    @EventSourcingHandler
    void on(CheckUpRecorded event) {
        checkUps.add(event.checkUpId());
    }

    @EventSourcingHandler
    void on(BenefitClaimFiled event) {
        claims.put(event.claimId(), new BenefitClaim(event));
    }

    @EventSourcingHandler
    void on(BenefitGrantImported event) {
        claims.put(event.claimId(), new BenefitClaim(event));
    }

    @EventSourcingHandler
    void on(PersonEnteredInError event) {
        enteredInError = true;
        nationalId = null;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
