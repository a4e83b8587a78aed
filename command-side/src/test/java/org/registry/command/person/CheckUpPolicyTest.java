package org.registry.command.person;

import org.junit.jupiter.api.Test;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.Sex;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule on recording a check-up, on plain facts. */
class CheckUpPolicyTest {

    private final PersonId person = People.newId();
    private final CheckUpId checkUp = new CheckUpId(UUID.randomUUID());

    private CheckUpPolicy.CheckUp of(Sex sex, CheckUpType type, Set<CheckUpId> recorded) {
        return new CheckUpPolicy.CheckUp(person, sex, recorded, checkUp, type);
    }

    @Test
    void servicesOfPregnancyAreForWomen_andOtherCheckUpsForEveryone() {
        CheckUpPolicy rule = CheckUpPolicy.servicesOfPregnancyAreForWomen;
        for (CheckUpType type : CheckUpType.values()) {
            assertThat(rule.check(of(Sex.FEMALE, type, Set.of()))).isEmpty();
            if (type.forWomenOnly()) {
                assertThat(rule.check(of(Sex.MALE, type, Set.of()))).hasValueSatisfying(it -> {
                    assertThat(it.kind()).isEqualTo(RejectionKind.UNPROCESSABLE);
                    assertThat(it.code()).isEqualTo("CHECK_UP_NOT_APPLICABLE");
                    assertThat(it.field()).isEqualTo("type");
                    assertThat(it.message()).isEqualTo("a " + type + " check-up is given to women; person " + person
                            + " is not a woman");
                });
            } else {
                assertThat(rule.check(of(Sex.MALE, type, Set.of()))).isEmpty();
            }
        }
    }

    @Test
    void eachCheckUpIsRecordedOnce() {
        CheckUpPolicy rule = CheckUpPolicy.eachCheckUpIsRecordedOnce;
        assertThat(rule.check(of(Sex.MALE, CheckUpType.values()[0], Set.of(new CheckUpId(UUID.randomUUID())))))
                .isEmpty();
        assertThat(rule.check(of(Sex.MALE, CheckUpType.values()[0], Set.of(checkUp)))).hasValueSatisfying(it -> {
            assertThat(it.kind()).isEqualTo(RejectionKind.CONFLICT);
            assertThat(it.code()).isEqualTo("CHECK_UP_EXISTS");
            assertThat(it.message()).isEqualTo("check-up " + checkUp + " exists");
        });
    }
}
