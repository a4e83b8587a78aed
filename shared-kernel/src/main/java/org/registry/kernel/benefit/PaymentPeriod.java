package org.registry.kernel.benefit;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The period a payment run pays for a programme: the month named, or for a yearly programme the month's year.
 * The one place that also says which claims its grant and end days rule out, for the claim deciding a payment and
 * for the payment run that counts the claims it need not ask.
 *
 * @param label the period as payments name it: {@code 2026-03}, or {@code 2026} for a yearly programme
 */
public record PaymentPeriod(String label, int year, LocalDate start, LocalDate end) {

    public static PaymentPeriod of(Programme programme, YearMonth month) {
        if (programme.frequency() == Programme.Frequency.YEARLY) {
            Year year = Year.of(month.getYear());
            return new PaymentPeriod(year.toString(), year.getValue(), year.atDay(1), year.atMonth(12).atEndOfMonth());
        }
        return new PaymentPeriod(month.toString(), month.getYear(), month.atDay(1), month.atEndOfMonth());
    }

    /**
     * Why a claim granted on {@code grantedOn} and ended on {@code endedOn} (each null when it was not) is not due
     * for this period, as far as those two days tell; empty when they leave it to the claim's status and
     * re-certifications.
     */
    public Optional<PaymentOutcome> ruledOutBy(LocalDate grantedOn, LocalDate endedOn) {
        if (grantedOn != null && grantedOn.isAfter(end)) {
            return Optional.of(PaymentOutcome.GRANTED_AFTER_PERIOD);
        }
        if (endedOn != null && (grantedOn == null || endedOn.isBefore(start))) {
            return Optional.of(PaymentOutcome.ENDED);
        }
        return Optional.empty();
    }
}
