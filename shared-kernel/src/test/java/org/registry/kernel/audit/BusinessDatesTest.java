package org.registry.kernel.audit;

import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdEvent;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.NationalIdAdded;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonEvent;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void everyEventOfEveryRecordHasADecidedBusinessDate() {
        Stream.of(PersonEvent.class, HouseholdEvent.class)
              .flatMap(events -> Arrays.stream(events.getPermittedSubclasses()))
              .forEach(event -> assertThat(BusinessDates.knows(event))
                      .as("BusinessDates decides the business date of %s (a field, or none)", event.getSimpleName())
                      .isTrue());
    }

    @Test
    void aParentsBusinessDateIsTheBirthOfTheChild() {
        PersonId parent = new PersonId(UUID.randomUUID());
        LocalDate born = LocalDate.of(2024, 5, 6);

        assertThat(BusinessDates.of(new BecameParent(parent, new PersonId(UUID.randomUUID()), ParentRole.MOTHER, born),
                SHANGHAI)).contains(born);
    }

    @Test
    void aMemberJoinsOnTheDayOfTheEvent() {
        LocalDate day = LocalDate.of(2025, 1, 2);

        assertThat(BusinessDates.of(new MemberJoinedHousehold(new HouseholdId(UUID.randomUUID()),
                new PersonId(UUID.randomUUID()), RelationToHead.CHILD, day), SHANGHAI)).contains(day);
    }

    @Test
    void anAddedNationalIdHasNoBusinessDateOfItsOwn() {
        assertThat(BusinessDates.of(new NationalIdAdded(new PersonId(UUID.randomUUID()),
                new NationalId("11010519491231002X")), SHANGHAI)).isEmpty();
    }
}
