package org.registry.query.ledger.benefit;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment of the benefit ledger.
 *
 * @param communityCode the area the payment was made in: the recipient's household's when it was recorded
 * @param amount        yuan, as a decimal string with two places
 */
public record PaymentRow(UUID claimId,
                         UUID personId,
                         @PersonalData String name,
                         @PersonalData String nationalId,
                         Programme programme,
                         String period,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                         LocalDate paidOn,
                         String communityCode) {
}
