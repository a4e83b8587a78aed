package org.registry.query.dashboard;

import org.registry.kernel.common.PersonalData;
import org.registry.kernel.household.HouseholdKind;

import java.time.LocalDate;
import java.util.UUID;

/** A household behind the dashboard's {@code households}: where it was on the report's last day. */
public record HouseholdRecord(UUID householdId,
                              String communityCode,
                              @PersonalData String address,
                              HouseholdKind kind,
                              @PersonalData String householdNumber,
                              LocalDate registeredOn) {
}
