package org.registry.query;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Events as the command side records them, for tests that hand them to a projection's handlers. */
public final class Facts {

    public static final CommunityCode COMMUNITY = new CommunityCode("330106001001");
    public static final CommunityCode ELSEWHERE = new CommunityCode("330106002003");

    private Facts() {
    }

    public static HouseholdId newHousehold() {
        return new HouseholdId(UUID.randomUUID());
    }

    public static PersonId newPerson() {
        return new PersonId(UUID.randomUUID());
    }

    public static HouseholdRegistered householdRegistered(HouseholdId household, CommunityCode community) {
        return new HouseholdRegistered(household, community, "1 Wensan Road", null, HouseholdKind.REGISTERED,
                "H-1", LocalDate.of(2010, 1, 1));
    }

    /** A permanent resident, head of the household since 2011, with a national ID that agrees with the details. */
    public static PersonRegistered personRegistered(PersonId person, HouseholdId household, String name, Sex sex,
                                                    LocalDate birthDate) {
        return new PersonRegistered(person, nationalId(birthDate, sex, 7), name, sex, birthDate, "Han",
                MaritalStatus.SINGLE, household, RelationToHead.HEAD, Residency.PERMANENT, LocalDate.of(2011, 1, 1),
                null, null, null);
    }

    /** A child born to {@code mother} on {@code birthDate}, living in her household, with no national ID yet. */
    public static BirthRegistered birthRegistered(PersonId child, PersonId mother, HouseholdId household,
                                                  LocalDate birthDate) {
        return new BirthRegistered(child, mother, null, "Child " + birthDate, Sex.FEMALE, birthDate, null, "Han",
                household, RelationToHead.CHILD, Residency.PERMANENT);
    }

    /**
     * Four children of one mother, as {@link BirthOrder.Birth}s in the order their births are recorded (registered
     * holds the event position each is recorded at): twins and a later-registered earlier birth, so that the order
     * depends on both the date and the registration.
     */
    public static List<BirthOrder.Birth> fourChildren() {
        LocalDate first = LocalDate.of(2015, 6, 1);
        LocalDate twins = LocalDate.of(2018, 3, 9);
        return List.of(new BirthOrder.Birth(newPerson(), twins, 20),
                new BirthOrder.Birth(newPerson(), first, 30),
                new BirthOrder.Birth(newPerson(), twins, 25),
                new BirthOrder.Birth(newPerson(), twins.plusDays(400), 21));
    }

    /** A valid national ID of Xihu district: the birth date, a sequence (odd for men) and its check character. */
    public static NationalId nationalId(LocalDate birthDate, Sex sex, int sequence) {
        int digits = sequence * 2 + (sex == Sex.MALE ? 1 : 0);
        String first17 = "330106" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(digits);
        return new NationalId(first17 + NationalId.checkCharacter(first17));
    }
}
