package org.registry.command.person;

import org.registry.kernel.checkup.RecordCheckUp;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.Period;

/**
 * {@code registry.check-ups.*}: the rules of check-ups that are configuration, not code.
 *
 * @param highRiskFollowUp when a high-risk pre-pregnancy check-up is followed up, unless the clerk states the day
 *                         (ISO-8601, P30D)
 */
@ConfigurationProperties("registry.check-ups")
public record CheckUpSettings(@DefaultValue("P30D") Period highRiskFollowUp) {

    private static final LocalDate SOME_DAY = LocalDate.EPOCH;

    public CheckUpSettings {
        if (highRiskFollowUp.isNegative() || highRiskFollowUp.isZero()
                || SOME_DAY.plus(highRiskFollowUp).isAfter(SOME_DAY.plus(RecordCheckUp.LONGEST_FOLLOW_UP))) {
            throw new IllegalArgumentException("registry.check-ups.high-risk-follow-up must be positive and at most "
                    + RecordCheckUp.LONGEST_FOLLOW_UP);
        }
    }
}
