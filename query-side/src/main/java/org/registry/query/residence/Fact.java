package org.registry.query.residence;

import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.Residency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A fact on a person's record that places them somewhere or changes a status their figures depend on, as the
 * residence history keeps it.
 *
 * @param sequence the event's sequence number on the person's record: the order of the facts
 * @param date     the business date (for a birth, the birth date as first recorded; corrections override it)
 * @param place    the origin of an arrival, the destination of a move away
 */
record Fact(long sequence,
            Kind kind,
            LocalDate date,
            UUID householdId,
            Residency residency,
            MaritalStatus maritalStatus,
            String place,
            MoveReason moveReason,
            String certificateNumber,
            LocalDate certificateExpiry,
            boolean leftHousehold) {

    enum Kind {
        REGISTERED, BORN, DIED, MARITAL_STATUS, MOVED_OUT, MOVED_IN, TRANSFERRED
    }

    static Fact of(long sequence, Kind kind, LocalDate date) {
        return new Fact(sequence, kind, date, null, null, null, null, null, null, null, false);
    }
}
