package org.registry.kernel.checkup;

import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/** A check-up as the person's record shows it. */
public record CheckUpView(CheckUpId checkUpId,
                          CheckUpType type,
                          LocalDate date,
                          @PersonalData String facility,
                          @PersonalData CheckUpResult result,
                          @PersonalData RiskLevel riskLevel,
                          @PersonalData String notes,
                          LocalDate followUpDue) {
}
