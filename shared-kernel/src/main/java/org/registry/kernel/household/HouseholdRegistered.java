package org.registry.kernel.household;

import org.axonframework.serialization.Revision;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.PersonalData;

import java.time.LocalDate;

/**
 * A household was entered in the register of one community.
 *
 * <p>Revision 2 keeps the postal code beside the address; a revision-1 event had the address only, with the code
 * written at its end if at all ({@code platform.upcasting.PostalCodeOutOfAddress} upcasts it).
 *
 * @param postalCode      the postal code of the address, when known
 * @param householdNumber the office's own household number (户号), optional
 * @param registeredOn    the day the household was registered (the business date)
 */
@Revision("2")
public record HouseholdRegistered(HouseholdId householdId,
                                  CommunityCode communityCode,
                                  @PersonalData String address,
                                  PostalCode postalCode,
                                  HouseholdKind kind,
                                  @PersonalData String householdNumber,
                                  LocalDate registeredOn) implements HouseholdEvent {
}
