package org.registry.kernel.checkup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.time.Period;

/**
 * Record a check-up of a person.
 *
 * @param riskLevel   the risk assessment, for (and only for) a pre-pregnancy check-up
 * @param followUpDue when a high-risk finding must be followed up; when null, the person aggregate sets it to the
 *                    configured period after the check-up ({@code registry.check-ups.high-risk-follow-up})
 */
public record RecordCheckUp(@TargetAggregateIdentifier PersonId personId,
                            CheckUpId checkUpId,
                            CheckUpType type,
                            LocalDate date,
                            String facility,
                            CheckUpResult result,
                            RiskLevel riskLevel,
                            String notes,
                            LocalDate followUpDue) {

    /** A high-risk finding is followed up within months; a follow-up due years later is a typing error. */
    public static final Period LONGEST_FOLLOW_UP = Period.ofYears(3);

    public RecordCheckUp {
        Require.present(personId, "personId");
        Require.present(checkUpId, "checkUpId");
        Require.present(type, "type");
        Require.date(date, "date");
        facility = Require.text(facility, "facility", TextLimits.PLACE);
        Require.present(result, "result");
        notes = Require.optionalNote(notes, "notes", TextLimits.NOTE);
        if (type == CheckUpType.PRE_PREGNANCY && riskLevel == null) {
            throw RejectionException.invalid("riskLevel", "VALIDATION_FAILED",
                    "a pre-pregnancy check-up records its risk assessment (LOW or HIGH)");
        }
        if (type != CheckUpType.PRE_PREGNANCY && riskLevel != null) {
            throw RejectionException.invalid("riskLevel", "VALIDATION_FAILED",
                    "a risk level belongs to a pre-pregnancy check-up");
        }
        if (followUpDue != null && riskLevel != RiskLevel.HIGH) {
            throw RejectionException.invalid("followUpDue", "VALIDATION_FAILED",
                    "a follow-up is due after a high-risk pre-pregnancy check-up only");
        }
        if (followUpDue != null && followUpDue.isBefore(date)) {
            throw RejectionException.invalid("followUpDue", "VALIDATION_FAILED",
                    "a follow-up cannot be due before the check-up on " + date);
        }
        if (followUpDue != null && followUpDue.isAfter(date.plus(LONGEST_FOLLOW_UP))) {
            throw RejectionException.invalid("followUpDue", "DATE_IMPLAUSIBLE",
                    "a follow-up is due within " + LONGEST_FOLLOW_UP.getYears() + " years of the check-up on " + date);
        }
    }
}
