package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A household was entered in the register of one community.
 *
 * @param householdNumber the office's own household number (户号), optional
 * @param registeredOn    the day the household was registered (the business date)
 */
@Revision("1")
public record HouseholdRegistered(HouseholdId householdId,
                                  CommunityCode communityCode,
                                  @PersonalData String address,
                                  HouseholdKind kind,
                                  String householdNumber,
                                  LocalDate registeredOn) implements HouseholdEvent {
}
