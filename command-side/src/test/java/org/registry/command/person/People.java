package org.registry.command.person;

import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Test data: persons with valid national IDs, and a fixed "today". */
final class People {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZONE).toInstant(), ZONE);
    static final HouseholdId HOME = new HouseholdId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final HouseholdId ELSEWHERE = new HouseholdId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    private People() {
    }

    /** A valid national ID for the birth date and sex, with region 330106 and a chosen sequence. */
    static NationalId nationalId(LocalDate birthDate, Sex sex, int sequence) {
        int order = sequence * 2 + (sex == Sex.MALE ? 1 : 0);
        String first17 = "330106" + birthDate.toString().replace("-", "") + String.format("%03d", order % 1000);
        return new NationalId(first17 + NationalId.checkCharacter(first17));
    }

    static PersonId newId() {
        return new PersonId(UUID.randomUUID());
    }

    static PersonRegistered registered(PersonId id, Sex sex, LocalDate birthDate, Residency residency) {
        return new PersonRegistered(id, nationalId(birthDate, sex, 1), "Wang Fang", sex, birthDate, "Han",
                MaritalStatus.SINGLE, HOME, RelationToHead.SPOUSE, residency, LocalDate.of(2010, 1, 1),
                null, null, null);
    }

    static PersonRegistered woman(PersonId id, LocalDate birthDate) {
        return registered(id, Sex.FEMALE, birthDate, Residency.PERMANENT);
    }
}
