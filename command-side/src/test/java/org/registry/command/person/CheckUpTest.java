package org.registry.command.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RecordCheckUp;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registry.command.Rejections.rejectedWith;
import static org.registry.command.person.People.CLOCK;
import static org.registry.command.person.People.TODAY;

class CheckUpTest {

    private AggregateTestFixture<Person> fixture;
    private final PersonId id = People.newId();
    private final CheckUpId checkUp = new CheckUpId(UUID.randomUUID());
    private final LocalDate born = LocalDate.of(1995, 5, 5);
    /** Not the default (P30D), so a test sees the configured period used. */
    private static final Period FOLLOW_UP = Period.ofDays(45);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new CheckUpSettings(FOLLOW_UP));
    }

    private RecordCheckUp checkUp(CheckUpType type, LocalDate on, RiskLevel risk, LocalDate followUp) {
        return new RecordCheckUp(id, checkUp, type, on, "Xihu Maternal and Child Health Station", CheckUpResult.NORMAL,
                risk, "fine", followUp);
    }

    @Test
    void givenAWoman_whenAReproductiveHealthCheckUpIsRecorded_thenRecorded() {
        LocalDate on = TODAY.minusDays(3);
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.REPRODUCTIVE_HEALTH, on, null, null))
               .expectEvents(new CheckUpRecorded(id, checkUp, CheckUpType.REPRODUCTIVE_HEALTH, on,
                       "Xihu Maternal and Child Health Station", CheckUpResult.NORMAL, null, "fine", null));
    }

    @Test
    void givenAWoman_whenAHighRiskPrePregnancyCheckUpIsRecorded_thenItsFollowUpIsPartOfTheFact() {
        LocalDate on = TODAY.minusDays(3);
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.PRE_PREGNANCY, on, RiskLevel.HIGH, on.plusDays(30)))
               .expectEvents(new CheckUpRecorded(id, checkUp, CheckUpType.PRE_PREGNANCY, on,
                       "Xihu Maternal and Child Health Station", CheckUpResult.NORMAL, RiskLevel.HIGH, "fine",
                       on.plusDays(30)));
    }

    @Test
    void givenAWoman_whenAHighRiskPrePregnancyCheckUpHasNoFollowUp_thenItIsDueTheConfiguredPeriodAfter() {
        LocalDate on = TODAY.minusDays(3);
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.PRE_PREGNANCY, on, RiskLevel.HIGH, null))
               .expectEvents(new CheckUpRecorded(id, checkUp, CheckUpType.PRE_PREGNANCY, on,
                       "Xihu Maternal and Child Health Station", CheckUpResult.NORMAL, RiskLevel.HIGH, "fine",
                       on.plus(FOLLOW_UP)));
    }

    @Test
    void givenAWoman_whenALowRiskPrePregnancyCheckUpIsRecorded_thenNoFollowUpIsDue() {
        LocalDate on = TODAY.minusDays(3);
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.PRE_PREGNANCY, on, RiskLevel.LOW, null))
               .expectEvents(new CheckUpRecorded(id, checkUp, CheckUpType.PRE_PREGNANCY, on,
                       "Xihu Maternal and Child Health Station", CheckUpResult.NORMAL, RiskLevel.LOW, "fine",
                       null));
    }

    @Test
    void aFollowUpPeriodLongerThanAnyFollowUpIsNoSetting() {
        assertThatThrownBy(() -> new CheckUpSettings(Period.ofYears(4))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckUpSettings(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAMan_whenAPregnancyFollowUpIsRecorded_thenRejected() {
        fixture.given(People.registered(id, Sex.MALE, born, Residency.PERMANENT))
               .when(checkUp(CheckUpType.PREGNANCY_FOLLOW_UP, TODAY, null, null))
               .expectNoEvents()
               .expectException(rejectedWith("CHECK_UP_NOT_APPLICABLE", "type"));
    }

    @Test
    void givenADeadWoman_whenACheckUpIsRecorded_thenRejected() {
        fixture.given(People.woman(id, born), new PersonDied(id, TODAY.minusDays(10)))
               .when(checkUp(CheckUpType.POSTNATAL, TODAY.minusDays(11), null, null))
               .expectNoEvents()
               .expectException(rejectedWith("INVALID_STATE"));
    }

    @Test
    void givenAWoman_whenACheckUpIsDatedTomorrow_thenRejected() {
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.REPRODUCTIVE_HEALTH, TODAY.plusDays(1), null, null))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_IN_FUTURE", "date"));
    }

    @Test
    void givenAWoman_whenACheckUpIsDatedBeforeHerBirth_thenRejected() {
        fixture.given(People.woman(id, born))
               .when(checkUp(CheckUpType.REPRODUCTIVE_HEALTH, born.minusDays(1), null, null))
               .expectNoEvents()
               .expectException(rejectedWith("DATE_BEFORE_BIRTH", "date"));
    }

    @Test
    void aRiskLevelBelongsToPrePregnancyCheckUpsOnly() {
        assertThatThrownBy(() -> checkUp(CheckUpType.REPRODUCTIVE_HEALTH, TODAY, RiskLevel.LOW, null))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.rejection().field()).isEqualTo("riskLevel"));
        assertThatThrownBy(() -> checkUp(CheckUpType.PRE_PREGNANCY, TODAY, null, null))
                .isInstanceOf(RejectionException.class);
    }
}
