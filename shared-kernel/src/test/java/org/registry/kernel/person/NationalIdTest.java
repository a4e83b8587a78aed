package org.registry.kernel.person;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.registry.kernel.common.RejectionException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NationalIdTest {

    /** The examples of GB 11643-1999 itself. */
    @ParameterizedTest
    @CsvSource({"11010519491231002X, 1949-12-31, FEMALE", "440524188001010014, 1880-01-01, MALE"})
    void theStandardsExamplesAreValidAndCarryBirthDateAndSex(String id, LocalDate birthDate, Sex sex) {
        NationalId nationalId = new NationalId(id);
        assertThat(nationalId.birthDate()).isEqualTo(birthDate);
        assertThat(nationalId.sex()).isEqualTo(sex);
    }

    @Test
    void aLowerCaseCheckCharacterIsTheSameId() {
        assertThat(new NationalId("11010519491231002x")).isEqualTo(new NationalId("11010519491231002X"));
    }

    @ParameterizedTest
    @CsvSource({"110105194912310021, NATIONAL_ID_CHECKSUM", "11010519491231002, NATIONAL_ID_INVALID",
            "1101051949123100211, NATIONAL_ID_INVALID", "11010519491331002X, NATIONAL_ID_INVALID",
            "01010519491231002X, NATIONAL_ID_INVALID", "1101051949123100AX, NATIONAL_ID_INVALID"})
    void aMalformedIdIsRefusedWithWhatIsWrong(String id, String code) {
        assertThatThrownBy(() -> new NationalId(id)).isInstanceOfSatisfying(RejectionException.class, e -> {
            assertThat(e.rejection().code()).isEqualTo(code);
            assertThat(e.rejection().field()).isEqualTo("nationalId");
        });
    }

    @Test
    void anIdDisagreeingWithThePersonsBirthDateOrSexIsRefused() {
        NationalId id = new NationalId("11010519491231002X");
        assertThatThrownBy(() -> id.requireAgreesWith(LocalDate.of(1949, 12, 30), Sex.FEMALE))
                .hasMessageContaining("1949-12-31");
        assertThatThrownBy(() -> id.requireAgreesWith(LocalDate.of(1949, 12, 31), Sex.MALE))
                .isInstanceOfSatisfying(RejectionException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("NATIONAL_ID_SEX_MISMATCH"));
        assertThat(id.requireAgreesWith(LocalDate.of(1949, 12, 31), Sex.FEMALE)).isSameAs(id);
    }
}
