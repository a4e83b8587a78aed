package org.registry.command.person;

import org.junit.jupiter.api.Test;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.registry.kernel.person.MaritalStatus;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.kernel.person.MaritalStatus.DIVORCED;
import static org.registry.kernel.person.MaritalStatus.MARRIED;
import static org.registry.kernel.person.MaritalStatus.SINGLE;
import static org.registry.kernel.person.MaritalStatus.WIDOWED;

/** Each rule on a change of marital status, on plain facts. */
class MaritalPolicyTest {

    private static final LocalDate SINCE = LocalDate.of(2015, 5, 1);

    private static MaritalPolicy.Change change(MaritalStatus current, MaritalStatus next) {
        return new MaritalPolicy.Change(current, SINCE, next, SINCE.plusYears(3));
    }

    /** The first rejection of all the rules of a change, as the record checks them. */
    private static Optional<Rejection> decide(MaritalPolicy.Change change) {
        return MaritalPolicy.ofAChange().stream().map(policy -> policy.check(change)).flatMap(Optional::stream)
                            .findFirst();
    }

    @Test
    void theAllowedChangesAreMarryingWhenNotMarriedAndDivorcingOrBeingWidowedWhenMarried() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (MaritalStatus current : MaritalStatus.values()) {
            for (MaritalStatus next : MaritalStatus.values()) {
                if (decide(change(current, next)).isEmpty()) {
                    allowed.add(current + "->" + next);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("SINGLE->MARRIED", "DIVORCED->MARRIED", "WIDOWED->MARRIED",
                "MARRIED->DIVORCED", "MARRIED->WIDOWED");
    }

    @Test
    void nobodyBecomesSingleAgain_whateverTheyAre() {
        for (MaritalStatus current : EnumSet.allOf(MaritalStatus.class)) {
            assertThat(MaritalPolicy.nobodyBecomesSingleAgain.check(change(current, SINGLE)))
                    .hasValueSatisfying(it -> {
                        assertThat(it.code()).isEqualTo("INVALID_STATE");
                        assertThat(it.message()).startsWith("a person does not become single again");
                    });
        }
    }

    @Test
    void onlyTheUnmarriedMarry_andTheRefusalNamesBothStatuses() {
        assertThat(MaritalPolicy.onlyTheUnmarriedMarry.check(change(WIDOWED, MARRIED))).isEmpty();
        assertThat(MaritalPolicy.onlyTheUnmarriedMarry.check(change(MARRIED, MARRIED)))
                .hasValueSatisfying(it -> assertThat(it.message()).isEqualTo("a married person cannot become married"));
    }

    @Test
    void onlyTheMarriedDivorceOrAreWidowed() {
        assertThat(MaritalPolicy.onlyTheMarriedDivorceOrAreWidowed.check(change(MARRIED, WIDOWED))).isEmpty();
        assertThat(MaritalPolicy.onlyTheMarriedDivorceOrAreWidowed.check(change(SINGLE, DIVORCED)))
                .hasValueSatisfying(it -> {
                    assertThat(it.kind()).isEqualTo(RejectionKind.CONFLICT);
                    assertThat(it.message()).isEqualTo("a single person cannot become divorced");
                });
    }

    @Test
    void notDatedBeforeTheLastChange_butOnItsDayOrWhenNeverChanged() {
        MaritalPolicy rule = MaritalPolicy.notDatedBeforeTheLastChange;
        assertThat(rule.check(new MaritalPolicy.Change(MARRIED, SINCE, DIVORCED, SINCE))).isEmpty();
        assertThat(rule.check(new MaritalPolicy.Change(SINGLE, null, MARRIED, LocalDate.of(1990, 1, 1)))).isEmpty();
        assertThat(rule.check(new MaritalPolicy.Change(MARRIED, SINCE, DIVORCED, SINCE.minusDays(1))))
                .hasValueSatisfying(it -> {
                    assertThat(it.kind()).isEqualTo(RejectionKind.INVALID_INPUT);
                    assertThat(it.code()).isEqualTo("DATE_BEFORE_LAST_FACT");
                    assertThat(it.field()).isEqualTo("date");
                    assertThat(it.message()).isEqualTo(
                            "the marital status is MARRIED since 2015-05-01; a change cannot be dated 2015-04-30");
                });
    }

    @Test
    void aChangeDatedTooEarlyIsReportedAsSuchBeforeItsStatus() {
        assertThat(decide(new MaritalPolicy.Change(MARRIED, SINCE, SINGLE, SINCE.minusDays(1))))
                .hasValueSatisfying(it -> assertThat(it.code()).isEqualTo("DATE_BEFORE_LAST_FACT"));
    }
}
