package org.registry.kernel.common;

import java.time.LocalDate;

/** Input checks shared by commands and value objects; each failure names the field. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " is required");
        }
        return value;
    }

    /** A required free-text value, trimmed, at most {@code maxLength} characters. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    /** An optional free-text value: {@code null} when blank, trimmed otherwise. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED",
                    field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** A business date may not lie after today: the register records facts, not plans. */
    public static LocalDate notInFuture(LocalDate date, LocalDate today, String field) {
        present(date, field);
        if (date.isAfter(today)) {
            throw RejectionException.invalid(field, "DATE_IN_FUTURE", field + " " + date + " lies in the future");
        }
        return date;
    }
}
