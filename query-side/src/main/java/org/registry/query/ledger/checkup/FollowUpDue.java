package org.registry.query.ledger.checkup;

import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A high-risk check-up not yet followed up: no later check-up of the person is on the ledger.
 *
 * @param overdue the follow-up was due before the day read for
 */
public record FollowUpDue(UUID checkUpId,
                          UUID personId,
                          @PersonalData String name,
                          @PersonalData String nationalId,
                          String communityCode,
                          CheckUpType type,
                          LocalDate checkUpDate,
                          @PersonalData String facility,
                          @PersonalData RiskLevel riskLevel,
                          LocalDate followUpDue,
                          boolean overdue) {
}
