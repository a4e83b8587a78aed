package org.registry.query.ledger.benefit;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.PersonalData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A claim of the benefit ledger, at the stage it has reached.
 *
 * @param communityCode the community of the claimant's household now (or the last one)
 * @param paidTotal     everything paid on the claim, yuan
 */
public record ClaimRow(UUID claimId,
                       UUID personId,
                       @PersonalData String name,
                       @PersonalData String nationalId,
                       Programme programme,
                       ClaimStatus status,
                       LocalDate filedOn,
                       Instant noticeEndsAt,
                       LocalDate grantedOn,
                       LocalDate endedOn,
                       EndReason endReason,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidTotal,
                       String communityCode) {
}
