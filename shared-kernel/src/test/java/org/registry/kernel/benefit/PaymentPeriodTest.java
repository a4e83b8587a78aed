package org.registry.kernel.benefit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentPeriodTest {

    private static final PaymentPeriod MARCH = PaymentPeriod.of(Programme.ONLY_CHILD_PARENT_AWARD,
            YearMonth.of(2026, 3));

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aMonthlyProgrammePaysTheMonthAndAYearlyOneTheMonthsYear() {
        assertThat(MARCH).isEqualTo(new PaymentPeriod("2026-03", 2026, day("2026-03-01"), day("2026-03-31")));
        assertThat(PaymentPeriod.of(Programme.RURAL_REWARD_SUPPORT, YearMonth.of(2026, 3)))
                .isEqualTo(new PaymentPeriod("2026", 2026, day("2026-01-01"), day("2026-12-31")));
    }

    @Test
    void aClaimGrantedAfterThePeriodEndedIsNotDueForIt() {
        assertThat(MARCH.ruledOutBy(day("2026-04-01"), null)).contains(PaymentOutcome.GRANTED_AFTER_PERIOD);
        assertThat(MARCH.ruledOutBy(day("2026-03-31"), null)).isEmpty();
    }

    @Test
    void aClaimThatEndedBeforeThePeriodBeganOrWithoutAGrantIsNotDue() {
        assertThat(MARCH.ruledOutBy(day("2026-01-10"), day("2026-02-28"))).contains(PaymentOutcome.ENDED);
        assertThat(MARCH.ruledOutBy(day("2026-01-10"), day("2026-03-01"))).isEmpty();
        assertThat(MARCH.ruledOutBy(null, day("2026-05-01"))).contains(PaymentOutcome.ENDED);
    }

    @Test
    void aClaimNeitherGrantedNorEndedIsLeftToItsStatus() {
        assertThat(MARCH.ruledOutBy(null, null)).isEmpty();
    }
}
