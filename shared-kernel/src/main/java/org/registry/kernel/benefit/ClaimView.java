package org.registry.kernel.benefit;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A benefit claim as the person's record shows it.
 *
 * @param noticeEndsAt when the public notice ends (or ended), once the county approved
 * @param paidTotal    the sum of all payments of the claim, in yuan: a decimal string with two places, as all money
 */
public record ClaimView(ClaimId claimId,
                        Programme programme,
                        ClaimStatus status,
                        LocalDate filedOn,
                        Instant noticeEndsAt,
                        LocalDate grantedOn,
                        LocalDate endedOn,
                        EndReason endReason,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidTotal) {
}
