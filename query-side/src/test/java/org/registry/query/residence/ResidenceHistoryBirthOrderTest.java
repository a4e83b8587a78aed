package org.registry.query.residence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.BirthOrder;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;
import org.registry.query.Facts;
import org.registry.query.ProjectionDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The residence history derives a birth's order in SQL over its own rows: the same rule as {@link BirthOrder}. */
class ResidenceHistoryBirthOrderTest {

    private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");

    private ProjectionDatabase database;
    private ResidenceHistory history;
    private final HouseholdId household = Facts.newHousehold();
    private final PersonId mother = Facts.newPerson();

    @BeforeEach
    void setUp() {
        database = ProjectionDatabase.create();
        history = new ResidenceHistory(database.jdbc(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
        history.on(Facts.householdRegistered(household, Facts.COMMUNITY), NOW, 1);
        history.on(Facts.personRegistered(mother, household, "Wang Fang", Sex.FEMALE, LocalDate.of(1990, 4, 2)),
                0, NOW, 10);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void eachBirthsSegmentCarriesTheKernelsBirthOrder() {
        List<BirthOrder.Birth> births = Facts.fourChildren();
        for (BirthOrder.Birth birth : births) {
            history.on(Facts.birthRegistered(birth.child(), mother, household, birth.born()), 0, NOW,
                    birth.registered());
        }

        List<Integer> derived = births.stream().map(birth -> database.jdbc().queryForObject("""
                        SELECT birth_order FROM residence_segment WHERE person_id = ? AND valid_to IS NULL""",
                Integer.class, birth.child().value())).toList();
        assertThat(derived).isEqualTo(births.stream().map(birth -> BirthOrder.of(birth, births)).toList())
                           .containsExactly(2, 1, 3, 4);
    }
}
