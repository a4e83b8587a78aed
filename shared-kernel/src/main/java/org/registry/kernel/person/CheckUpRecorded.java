package org.registry.kernel.person;

import org.axonframework.serialization.Revision;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A person had a check-up on {@code date}. Results, risk and notes are health data ({@link PersonalData}).
 *
 * @param followUpDue for a high-risk pre-pregnancy check-up, the day its follow-up is due
 */
@Revision("1")
public record CheckUpRecorded(PersonId personId,
                              CheckUpId checkUpId,
                              CheckUpType type,
                              LocalDate date,
                              @PersonalData String facility,
                              @PersonalData CheckUpResult result,
                              @PersonalData RiskLevel riskLevel,
                              @PersonalData String notes,
                              LocalDate followUpDue) implements PersonEvent {
}
