package org.registry.query.residence;

import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of the residence history: the person lived in one household, in one community, with one residency and
 * marital status, from {@code validFrom} until {@code validTo} (exclusive; null while it lasts).
 *
 * @param birthOrder for a person born here, the order among the mother's live births; null otherwise
 * @param entryFrom the community the person lived in the day before, when {@code entry} continues a stay
 * @param exitTo    the community the person lived in next, when {@code exit} continues the stay
 * @param arrivedOn the day the person's stay on the register (or away from it) began
 * @param place     the origin of an arrival, the destination of a move away
 * @param exitPlace where the person went when a move away ended this segment
 */
record Segment(UUID personId,
               UUID householdId,
               String communityCode,
               Residency residency,
               MaritalStatus maritalStatus,
               Sex sex,
               LocalDate birthDate,
               UUID motherId,
               long registeredPosition,
               Integer birthOrder,
               LocalDate validFrom,
               LocalDate validTo,
               Boundary entry,
               String entryFrom,
               Boundary exit,
               String exitTo,
               LocalDate arrivedOn,
               String place,
               MoveReason moveReason,
               String certificateNumber,
               LocalDate certificateExpiry,
               String exitPlace) {

    boolean living() {
        return residency.livesHere();
    }

    Segment withEnd(LocalDate end, Boundary kind, String to, String where) {
        return new Segment(personId, householdId, communityCode, residency, maritalStatus, sex, birthDate, motherId,
                registeredPosition, birthOrder, validFrom, end, entry, entryFrom, kind, to, arrivedOn, place,
                moveReason, certificateNumber, certificateExpiry, where);
    }

    Segment withEntryFrom(String from) {
        return new Segment(personId, householdId, communityCode, residency, maritalStatus, sex, birthDate, motherId,
                registeredPosition, birthOrder, validFrom, validTo, entry, from, exit, exitTo, arrivedOn, place,
                moveReason, certificateNumber, certificateExpiry, exitPlace);
    }

    Segment withExitTo(String to) {
        return new Segment(personId, householdId, communityCode, residency, maritalStatus, sex, birthDate, motherId,
                registeredPosition, birthOrder, validFrom, validTo, entry, entryFrom, exit, to, arrivedOn, place,
                moveReason, certificateNumber, certificateExpiry, exitPlace);
    }
}
