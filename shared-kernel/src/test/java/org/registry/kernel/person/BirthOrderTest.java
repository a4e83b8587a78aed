package org.registry.kernel.person;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BirthOrderTest {

    private static final LocalDate DAY = LocalDate.of(2018, 3, 9);

    private static BirthOrder.Birth born(LocalDate date, long registered) {
        return new BirthOrder.Birth(new PersonId(UUID.randomUUID()), date, registered);
    }

    @Test
    void anOnlyChildIsTheFirst() {
        BirthOrder.Birth only = born(DAY, 5);

        assertThat(BirthOrder.of(only, List.of())).isEqualTo(1);
        assertThat(BirthOrder.of(only, List.of(only))).isEqualTo(1);
    }

    @Test
    void aBirthRegisteredLateTakesItsPlaceByItsDate() {
        BirthOrder.Birth second = born(DAY, 1);
        BirthOrder.Birth first = born(DAY.minusYears(2), 2);
        List<BirthOrder.Birth> births = List.of(second, first);

        assertThat(BirthOrder.of(first, births)).isEqualTo(1);
        assertThat(BirthOrder.of(second, births)).isEqualTo(2);
    }

    @Test
    void twinsAreOrderedByRegistration() {
        BirthOrder.Birth registeredFirst = born(DAY, 7);
        BirthOrder.Birth registeredSecond = born(DAY, 9);
        BirthOrder.Birth later = born(DAY.plusDays(1), 3);
        List<BirthOrder.Birth> births = List.of(registeredSecond, later, registeredFirst);

        assertThat(BirthOrder.of(registeredFirst, births)).isEqualTo(1);
        assertThat(BirthOrder.of(registeredSecond, births)).isEqualTo(2);
        assertThat(BirthOrder.of(later, births)).isEqualTo(3);
    }

    @Test
    void theChildItselfIsNeverCountedEvenWithAnEarlierRegistrationOnFile() {
        BirthOrder.Birth child = born(DAY, 4);
        BirthOrder.Birth sameChildSeenEarlier = new BirthOrder.Birth(child.child(), DAY.minusDays(1), 1);

        assertThat(BirthOrder.of(child, List.of(sameChildSeenEarlier))).isEqualTo(1);
    }
}
