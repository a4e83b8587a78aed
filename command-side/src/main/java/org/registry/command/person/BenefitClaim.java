package org.registry.command.person;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.benefit.PaymentOutcome;
import org.registry.kernel.benefit.PaymentPeriod;
import org.registry.kernel.benefit.Outcome;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.Recertification;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitClaimRecertified;
import org.registry.kernel.person.BenefitClaimRejected;
import org.registry.kernel.person.BenefitGrantImported;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.ObjectionRaised;
import org.registry.kernel.person.ObjectionResolved;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PublicNoticeEnded;
import org.registry.kernel.person.PublicNoticeStarted;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A benefit claim, an entity of the person it is for: three levels decide it in order, no clerk decides two
 * stages, the county's approval puts it on public notice, where objections hold it, and a granted claim is paid
 * at most once per period and re-certified every year. A grant an office made before the register comes in by an
 * import, granted from the start, and is a granted claim like any other from then on. Decisions apply events; only
 * the event sourcing handlers change state (Axon routes each claim's events to it by {@code claimId}).
 */
final class BenefitClaim {

    static final String PUBLIC_NOTICE_ENDS = "public-notice-ends";

    private final PersonId personId;
    @EntityId
    private final ClaimId claimId;
    private final Programme programme;
    private final PersonId childId;
    private ClaimStatus status = ClaimStatus.APPLIED;
    private final Set<String> deciders = new HashSet<>();
    private Instant noticeEndsAt;
    private boolean noticeEnded;
    /** Objections raised, and whether each is still open. */
    private final Map<ObjectionId, Boolean> objections = new HashMap<>();
    private LocalDate grantedOn;
    private LocalDate endedOn;
    /** For a grant an import brought in, the day of the import: the register pays from its period on. */
    private LocalDate importedOn;
    private final Map<Integer, Recertification> recertifications = new HashMap<>();
    private final Set<String> paidPeriods = new HashSet<>();

    BenefitClaim(BenefitClaimFiled filed) {
        this.personId = filed.personId();
        this.claimId = filed.claimId();
        this.programme = filed.programme();
        this.childId = filed.childId();
    }

    /** A grant an import brought in: granted from the start (the person applies the event, so it is read here). */
    BenefitClaim(BenefitGrantImported imported) {
        this.personId = imported.personId();
        this.claimId = imported.claimId();
        this.programme = imported.programme();
        this.childId = imported.childId();
        this.grantedOn = imported.grantedOn();
        this.importedOn = imported.importedOn();
        this.status = ClaimStatus.GRANTED;
    }

    Programme programme() {
        return programme;
    }

    PersonId childId() {
        return childId;
    }

    boolean open() {
        return status.open();
    }

    boolean granted() {
        return status == ClaimStatus.GRANTED;
    }

    // ---- decisions ----------------------------------------------------------------------------------------

    void decide(Stage stage, Outcome outcome, String note, String actor, LocalDate today, Instant now,
                Duration noticePeriod, DeadlineManager deadlines) {
        ClaimStatus awaiting = ClaimStatus.awaiting(stage);
        if (status != awaiting) {
            throw RejectionException.invalidState("claim " + claimId + " is " + status + ": the " + stage
                    + " decides a claim that is " + awaiting);
        }
        if (actor != null && deciders.contains(actor)) {
            throw RejectionException.forbidden("FOUR_EYES_VIOLATION", "user '" + actor
                    + "' decided an earlier stage of claim " + claimId + "; another clerk decides the " + stage);
        }
        if (outcome == Outcome.REJECT) {
            apply(new BenefitClaimRejected(personId, claimId, stage, note, actor, today));
            return;
        }
        apply(new BenefitClaimApproved(personId, claimId, stage, note, actor, today));
        if (stage == Stage.COUNTY_APPROVAL) {
            Instant endsAt = now.plus(noticePeriod);
            apply(new PublicNoticeStarted(personId, claimId, now, endsAt));
            deadlines.schedule(endsAt, PUBLIC_NOTICE_ENDS, claimId);
        }
    }

    void raiseObjection(ObjectionId objection, String note, LocalDate today, Instant now) {
        if (status != ClaimStatus.PUBLIC_NOTICE && status != ClaimStatus.OBJECTED) {
            throw RejectionException.invalidState("claim " + claimId + " is " + status
                    + "; objections are raised during its public notice");
        }
        if (noticeEnded || !now.isBefore(noticeEndsAt)) {
            throw RejectionException.invalidState("the public notice of claim " + claimId + " ended at "
                    + noticeEndsAt + "; objections are raised during the notice");
        }
        if (objections.containsKey(objection)) {
            throw RejectionException.conflict("OBJECTION_EXISTS", "objection " + objection + " exists already");
        }
        apply(new ObjectionRaised(personId, claimId, objection, note, today));
    }

    /**
     * Upheld, the claim is refused; the last one dismissed after the notice period ended, it is granted now.
     *
     * @return whether the claim was granted
     */
    boolean resolveObjection(ObjectionId objection, boolean upheld, String note, String actor, LocalDate today,
                             LocalDate childTurns14) {
        Boolean open = objections.get(objection);
        if (open == null) {
            throw RejectionException.notFound("objectionId", "OBJECTION_NOT_FOUND",
                    "claim " + claimId + " has no objection " + objection);
        }
        if (!open || status != ClaimStatus.OBJECTED) {
            throw RejectionException.invalidState("objection " + objection + " is resolved already");
        }
        apply(new ObjectionResolved(personId, claimId, objection, upheld, note, actor, today));
        if (upheld) {
            apply(new BenefitClaimRejected(personId, claimId, null,
                    note == null ? "objection " + objection + " upheld" : note, actor, today));
            return false;
        }
        return status == ClaimStatus.PUBLIC_NOTICE && noticeEnded && grant(today, childTurns14);
    }

    /**
     * The public notice ran its period: the claim is granted, unless an objection holds it (then at the last
     * dismissal).
     *
     * @param childTurns14 for an award, the day its only child turns 14; null otherwise
     * @return whether the claim was granted
     */
    boolean noticeEnds(LocalDate today, Instant now, LocalDate childTurns14) {
        if (noticeEnded || (status != ClaimStatus.PUBLIC_NOTICE && status != ClaimStatus.OBJECTED)) {
            return false;
        }
        boolean held = status == ClaimStatus.OBJECTED;
        apply(new PublicNoticeEnded(personId, claimId, now, held));
        return !held && grant(today, childTurns14);
    }

    /** An award whose only child turned 14 while it was reviewed ends on that birthday, never granted nor paid. */
    private boolean grant(LocalDate today, LocalDate childTurns14) {
        if (childTurns14 != null && !childTurns14.isAfter(today)) {
            apply(new BenefitClaimEnded(personId, claimId, EndReason.CHILD_TURNED_14, childTurns14));
            return false;
        }
        apply(new BenefitClaimGranted(personId, claimId, today));
        return true;
    }

    void recertify(int year, Recertification outcome, String reason, LocalDate today) {
        if (status != ClaimStatus.GRANTED) {
            throw RejectionException.invalidState("claim " + claimId + " is " + status
                    + "; only a granted claim is re-certified");
        }
        if (year < grantedOn.getYear() || year > today.getYear()) {
            throw RejectionException.invalid("year", "VALIDATION_FAILED", "claim " + claimId + " was granted in "
                    + grantedOn.getYear() + "; it is re-certified for a year from then until " + today.getYear());
        }
        if (recertifications.containsKey(year)) {
            throw RejectionException.conflict("ALREADY_RECERTIFIED", "claim " + claimId + " was re-certified for "
                    + year + " already (" + recertifications.get(year) + ")");
        }
        if (outcome == Recertification.EXIT && reason == null) {
            throw RejectionException.invalid("reason", "VALIDATION_FAILED", "an exit gives its reason");
        }
        apply(new BenefitClaimRecertified(personId, claimId, year, outcome, reason, today));
        if (outcome == Recertification.EXIT) {
            apply(new BenefitClaimEnded(personId, claimId, EndReason.EXITED, today));
        }
    }

    /**
     * A claim is due for every period from the one it was granted in through the one it ended in; after its
     * first year, for the years it was re-certified to continue. A grant an import brought in is due from the period
     * of the import day on (the office's books before the register account for the periods before), and counts as
     * re-certified for the import's year. Otherwise the outcome says why it is not due.
     */
    PaymentOutcome pay(YearMonth month, BigDecimal amount, LocalDate today) {
        PaymentPeriod period = PaymentPeriod.of(programme, month);
        Optional<PaymentOutcome> ruledOut = period.ruledOutBy(grantedOn, endedOn);
        if (ruledOut.isPresent()) {
            return ruledOut.get();
        }
        if (grantedOn == null) {
            return status == ClaimStatus.REJECTED ? PaymentOutcome.REJECTED : PaymentOutcome.UNDER_REVIEW;
        }
        if (importedOn != null && period.start().isBefore(PaymentPeriod.of(programme,
                YearMonth.from(importedOn)).start())) {
            return PaymentOutcome.BEFORE_REGISTER;
        }
        if (period.year() != grantedOn.getYear() && (importedOn == null || period.year() != importedOn.getYear())
                && recertifications.get(period.year()) != Recertification.CONTINUE) {
            return PaymentOutcome.NOT_RECERTIFIED;
        }
        if (paidPeriods.contains(period.label())) {
            return PaymentOutcome.ALREADY_PAID;
        }
        apply(new BenefitPaid(personId, claimId, period.label(), amount, today));
        return PaymentOutcome.PAID;
    }

    /** The register no longer allows the claim: a granted claim ends, one under review stops there. */
    void end(EndReason reason, LocalDate date) {
        if (status.open()) {
            apply(new BenefitClaimEnded(personId, claimId, reason, date));
        }
    }

    // ---- state --------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(BenefitClaimApproved event) {
        deciders.add(event.decidedBy());
        status = ClaimStatus.afterApprovalAt(event.stage());
    }

    @EventSourcingHandler
    void on(BenefitClaimRejected event) {
        if (event.decidedBy() != null) {
            deciders.add(event.decidedBy());
        }
        status = ClaimStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(PublicNoticeStarted event) {
        noticeEndsAt = event.endsAt();
        status = ClaimStatus.PUBLIC_NOTICE;
    }

    @EventSourcingHandler
    void on(PublicNoticeEnded event) {
        noticeEnded = true;
    }

    @EventSourcingHandler
    void on(ObjectionRaised event) {
        objections.put(event.objectionId(), true);
        status = ClaimStatus.OBJECTED;
    }

    @EventSourcingHandler
    void on(ObjectionResolved event) {
        objections.put(event.objectionId(), false);
        int stillOpen = (int) objections.values().stream().filter(open -> open).count();
        status = status.afterResolution(event.upheld(), stillOpen);
    }

    @EventSourcingHandler
    void on(BenefitClaimGranted event) {
        grantedOn = event.grantedOn();
        status = ClaimStatus.GRANTED;
    }

    @EventSourcingHandler
    void on(BenefitPaid event) {
        paidPeriods.add(event.period());
    }

    @EventSourcingHandler
    void on(BenefitClaimRecertified event) {
        recertifications.put(event.year(), event.outcome());
    }

    @EventSourcingHandler
    void on(BenefitClaimEnded event) {
        endedOn = event.endedOn();
        status = ClaimStatus.ENDED;
    }

    /** By state, so that Axon's fixtures can tell a state change outside event sourcing from a faithful replay. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BenefitClaim that && claimId.equals(that.claimId) && status == that.status
                && Objects.equals(childId, that.childId) && deciders.equals(that.deciders)
                && Objects.equals(noticeEndsAt, that.noticeEndsAt) && noticeEnded == that.noticeEnded
                && objections.equals(that.objections)
                && Objects.equals(grantedOn, that.grantedOn) && Objects.equals(endedOn, that.endedOn)
                && Objects.equals(importedOn, that.importedOn)
                && recertifications.equals(that.recertifications) && paidPeriods.equals(that.paidPeriods);
    }

    @Override
    public int hashCode() {
        return claimId.hashCode();
    }
}
