package org.registry.kernel.person;

import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A benefit claim as its facts leave it: the pure fold of a claim's events that the readers of a person's record
 * share (it decides nothing; the claim entity on the command side decides and applies these events).
 *
 * @param filedOn         the day the claim was filed, or an import brought in its grant
 * @param noticeEndsAt    when the public notice ends, as recorded; null before the county's approval
 * @param openObjections  objections raised and not yet resolved
 * @param paidTotal       the sum of the payments made on the claim
 */
public record ClaimState(ClaimId id,
                         Programme programme,
                         LocalDate filedOn,
                         ClaimStatus status,
                         Instant noticeEndsAt,
                         int openObjections,
                         LocalDate grantedOn,
                         LocalDate endedOn,
                         EndReason endReason,
                         BigDecimal paidTotal) {

    /** The claim as its filing leaves it: awaiting the village, nothing paid. */
    public static ClaimState filed(BenefitClaimFiled filed) {
        return new ClaimState(filed.claimId(), filed.programme(), filed.filedOn(), ClaimStatus.APPLIED, null, 0, null,
                null, null, BigDecimal.ZERO);
    }

    /**
     * A grant an import brought in: granted from its day, and shown as filed on the day of the import, when it came
     * onto the register (nobody filed it here).
     */
    public static ClaimState imported(BenefitGrantImported imported) {
        return new ClaimState(imported.claimId(), imported.programme(), imported.importedOn(), ClaimStatus.GRANTED,
                null, 0, imported.grantedOn(), null, null, BigDecimal.ZERO);
    }

    /** The claim after {@code event}, one of the facts about it; any other fact leaves it as it is. */
    public ClaimState when(PersonEvent event) {
        if (event instanceof BenefitClaimApproved approved) {
            return withStatus(ClaimStatus.afterApprovalAt(approved.stage()));
        } else if (event instanceof BenefitClaimRejected) {
            return withStatus(ClaimStatus.REJECTED);
        } else if (event instanceof PublicNoticeStarted notice) {
            return new ClaimState(id, programme, filedOn, ClaimStatus.PUBLIC_NOTICE, notice.endsAt(), openObjections,
                    grantedOn, endedOn, endReason, paidTotal);
        } else if (event instanceof ObjectionRaised) {
            return new ClaimState(id, programme, filedOn, ClaimStatus.OBJECTED, noticeEndsAt, openObjections + 1,
                    grantedOn, endedOn, endReason, paidTotal);
        } else if (event instanceof ObjectionResolved resolved) {
            return new ClaimState(id, programme, filedOn,
                    status.afterResolution(resolved.upheld(), openObjections - 1), noticeEndsAt, openObjections - 1,
                    grantedOn, endedOn, endReason, paidTotal);
        } else if (event instanceof BenefitClaimGranted granted) {
            return new ClaimState(id, programme, filedOn, ClaimStatus.GRANTED, noticeEndsAt, openObjections,
                    granted.grantedOn(), endedOn, endReason, paidTotal);
        } else if (event instanceof BenefitPaid paid) {
            return new ClaimState(id, programme, filedOn, status, noticeEndsAt, openObjections, grantedOn, endedOn,
                    endReason, paidTotal.add(paid.amount()));
        } else if (event instanceof BenefitClaimEnded ended) {
            return new ClaimState(id, programme, filedOn, ClaimStatus.ENDED, noticeEndsAt, openObjections, grantedOn,
                    ended.endedOn(), ended.reason(), paidTotal);
        }
        return this;
    }

    private ClaimState withStatus(ClaimStatus next) {
        return new ClaimState(id, programme, filedOn, next, noticeEndsAt, openObjections, grantedOn, endedOn,
                endReason, paidTotal);
    }
}
