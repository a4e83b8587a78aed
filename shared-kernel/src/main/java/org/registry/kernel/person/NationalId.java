package org.registry.kernel.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.RejectionException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A resident identity number (居民身份证号) of GB 11643: 6 digits of the region of first registration, 8 of the
 * birth date (YYYYMMDD), 3 of a sequence whose last digit is odd for men and even for women, and a check
 * character (0-9 or X) by ISO 7064 MOD 11-2.
 */
public record NationalId(@JsonValue String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String FIELD = "nationalId";

    public NationalId {
        if (value == null || !value.toUpperCase(Locale.ROOT).matches("[1-9]\\d{16}[0-9X]")) {
            throw RejectionException.invalid(FIELD, "NATIONAL_ID_INVALID",
                    "a national ID has 17 digits and a check character (0-9 or X), got '" + value + "'");
        }
        value = value.toUpperCase(Locale.ROOT);
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw RejectionException.invalid(FIELD, "NATIONAL_ID_INVALID",
                    "digits 7-14 of national ID " + value + " are not a date (YYYYMMDD)");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw RejectionException.invalid(FIELD, "NATIONAL_ID_CHECKSUM",
                    "the check character of national ID " + value + " should be " + expected + ", not "
                            + value.charAt(17) + ": a digit is mistyped");
        }
    }

    @JsonCreator
    public static NationalId of(String value) {
        return new NationalId(value);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Refuses the ID when its embedded birth date or sex disagrees with the person's. */
    public NationalId requireAgreesWith(LocalDate birthDate, Sex sex) {
        if (birthDate != null && !birthDate().equals(birthDate)) {
            throw RejectionException.invalid(FIELD, "NATIONAL_ID_BIRTH_DATE_MISMATCH",
                    "national ID " + value + " says born " + birthDate() + ", the person was born " + birthDate);
        }
        if (sex != null && sex() != sex) {
            throw RejectionException.invalid(FIELD, "NATIONAL_ID_SEX_MISMATCH",
                    "national ID " + value + " is a " + sex().name().toLowerCase(Locale.ROOT) + "'s, the person is "
                            + sex.name().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    @Override
    public String toString() {
        return value;
    }
}
