package org.registry.kernel.benefit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.registry.kernel.common.Require;
import org.registry.kernel.person.PersonId;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Pay a granted claim for the period of a payment run, unless it is paid for that period already.
 *
 * @param period the run's month; a yearly programme pays once for the month's year
 */
public record PayBenefit(@TargetAggregateIdentifier PersonId personId, ClaimId claimId, YearMonth period,
                         BigDecimal amount) {

    public PayBenefit {
        Require.present(personId, "personId");
        Require.present(claimId, "claimId");
        Require.present(period, "period");
        Require.present(amount, "amount");
    }
}
