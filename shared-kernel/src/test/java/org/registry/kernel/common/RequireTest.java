package org.registry.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RecordCheckUp;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.PersonId;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @Test
    void aLineIsTrimmedAndKeepsCharactersOfEveryScript() {
        assertThat(Require.text("  王小明 ", "name", 50)).isEqualTo("王小明");
        assertThat(Require.text("Ayşe Çelik-Ñúñez", "name", 50)).isEqualTo("Ayşe Çelik-Ñúñez");
        assertThat(Require.text("ئابدۇرېھىم", "name", 50)).isEqualTo("ئابدۇرېھىم");
        assertThat(Require.optionalText("   ", "name", 50)).isNull();
    }

    @Test
    void aRareCharacterOutsideTheBasicPlaneIsOneCharacter() {
        String rare = "𠮷";
        assertThat(rare).hasSize(2);
        assertThat(Require.text(rare.repeat(3), "name", 3)).isEqualTo(rare.repeat(3));
        assertThatThrownBy(() -> Require.text(rare.repeat(4), "name", 3))
                .hasMessage("name must be at most 3 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u001b", "\u007f", "\u0085", "\u202e", "\u202a", "\u2066", "\u200f",
            "\ufeff", "\u2028", "\ufffe", "\uffff", "\ufdd0", "\ufffd", "\n", "\r", "\t"})
    void aLineRefusesControlsBidiOverridesNoncharactersAndLineBreaks(String character) {
        assertThatThrownBy(() -> Require.text("Li" + character + "Na", "name", 50))
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().field()).isEqualTo("name");
                    assertThat(e.rejection().code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.getMessage()).startsWith("name holds U+").contains("at position 3");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "\udc00", "\udbff\u0041"})
    void halfASurrogatePairIsNoCharacter(String broken) {
        assertThatThrownBy(() -> Require.optionalText("x" + broken, "place", 50))
                .hasMessage("place holds half of a surrogate pair (no character) at position 2");
    }

    @Test
    void aNoteMaySpanLinesButHoldsNoOtherControl() {
        assertThat(Require.note("first line\r\n\tsecond line", "notes", 100)).isEqualTo("first line\r\n\tsecond line");
        assertThatThrownBy(() -> Require.note("bell\u0007", "notes", 100)).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> Require.optionalNote("x".repeat(101), "notes", 100))
                .hasMessage("notes must be at most 100 characters");
    }

    @Test
    void theProblemOfATextNeverRepeatsIt() {
        assertThat(Require.textProblem("secret\u0000", 50, false)).doesNotContain("secret");
        assertThat(Require.textProblem("fine", 50, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "-0001-01-01"})
    void noFactIsDatedBefore1900(String date) {
        LocalDate day = LocalDate.parse(date);
        assertThatThrownBy(() -> new RegisterHousehold(new HouseholdId(UUID.randomUUID()),
                new CommunityCode("330106001001"), "1 Wensan Road", null, HouseholdKind.REGISTERED, null, day))
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("DATE_IMPLAUSIBLE");
                    assertThat(e.rejection().field()).isEqualTo("date");
                });
        assertThat(Require.date(Require.EARLIEST_DATE, "date")).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void aFollowUpIsDueWithinAFewYearsOfTheCheckUp() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(checkUp(day, day.plus(RecordCheckUp.LONGEST_FOLLOW_UP)).followUpDue())
                .isEqualTo(LocalDate.of(2029, 3, 1));
        assertThatThrownBy(() -> checkUp(day, LocalDate.of(9999, 12, 31)))
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("DATE_IMPLAUSIBLE");
                    assertThat(e.rejection().field()).isEqualTo("followUpDue");
                });
    }

    @Test
    void aCertificateGivenInACommandIsChecked_butOneReadBackFromAnEventIsTakenAsStored() {
        assertThatThrownBy(() -> FloatingCertificate.of("LD\u0000", LocalDate.of(2027, 1, 1)))
                .hasMessageContaining("U+0000");
        assertThatThrownBy(() -> FloatingCertificate.of("LD-1", LocalDate.of(1, 1, 1)))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("DATE_IMPLAUSIBLE"));
        assertThat(new FloatingCertificate("LD\u0000", LocalDate.of(1, 1, 1)).number()).isEqualTo("LD\u0000");
    }

    private static RecordCheckUp checkUp(LocalDate date, LocalDate followUpDue) {
        return new RecordCheckUp(new PersonId(UUID.randomUUID()), new CheckUpId(UUID.randomUUID()),
                CheckUpType.PRE_PREGNANCY, date, "Xihu clinic", CheckUpResult.HIGH_RISK, RiskLevel.HIGH, null,
                followUpDue);
    }
}
