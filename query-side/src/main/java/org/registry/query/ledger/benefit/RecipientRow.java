package org.registry.query.ledger.benefit;

import org.registry.kernel.benefit.Programme;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A recipient behind the dashboard's {@code benefits.recipients}: a claim granted and not ended on the report's last
 * day.
 *
 * @param communityCode where the recipient lived on that day
 */
public record RecipientRow(UUID claimId,
                           UUID personId,
                           @PersonalData String name,
                           @PersonalData String nationalId,
                           Programme programme,
                           LocalDate grantedOn,
                           LocalDate endedOn,
                           String communityCode) {
}
