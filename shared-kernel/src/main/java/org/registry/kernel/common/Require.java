package org.registry.kernel.common;

import java.time.LocalDate;

/**
 * Input checks shared by commands and value objects; each failure names the field.
 *
 * <p>Text is of two kinds: a <em>line</em> (a name, an address, a number) and a <em>note</em> (notes, reasons, the
 * basis of a claim), which may span lines. Neither may hold what no clerk types and what would mislead a reader or
 * break a report: control characters, Unicode's bidirectional overrides and isolates (text that displays in another
 * order than it is stored), byte order marks, noncharacters, half of a surrogate pair (no character at all, which
 * a database stores as {@code ?}), or the replacement character {@code U+FFFD} (what a decoder put where it could not
 * read the bytes: the text is already lost). Lengths count characters as a reader does (code points): a rare
 * character of a name outside the Basic Multilingual Plane is one character.
 */
public final class Require {

    /**
     * The earliest day a fact on the register may be dated. Births have a rule of their own (at most 130 years before
     * today); no one living today did anything the register records before this day.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " is required");
        }
        return value;
    }

    /** A required line of text, trimmed, at most {@code maxLength} characters. */
    public static String text(String value, String field, int maxLength) {
        return required(optionalText(value, field, maxLength), field);
    }

    /** An optional line of text: {@code null} when blank, trimmed otherwise. */
    public static String optionalText(String value, String field, int maxLength) {
        return checked(value, field, maxLength, false);
    }

    /** A required note: free text that may span lines, trimmed, at most {@code maxLength} characters. */
    public static String note(String value, String field, int maxLength) {
        return required(optionalNote(value, field, maxLength), field);
    }

    /** An optional note: {@code null} when blank, trimmed otherwise. */
    public static String optionalNote(String value, String field, int maxLength) {
        return checked(value, field, maxLength, true);
    }

    /**
     * What is wrong with a text, as a sentence that does not repeat it (it may be anything); {@code null} when
     * nothing is. For the checks that run before a command is built (the HTTP layer's).
     *
     * @param multiline true for a note, which may hold line breaks and tabs
     */
    public static String textProblem(String value, int maxLength, boolean multiline) {
        int length = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            length++;
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return "holds half of a surrogate pair (no character) at position " + length;
            }
            if (!allowed(c, multiline)) {
                return "holds U+" + String.format("%04X", c) + " at position " + length
                        + ", a character not allowed in " + (multiline ? "text" : "a line of text");
            }
        }
        if (length > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        return null;
    }

    /** A business date: present, and not before {@link #EARLIEST_DATE}. */
    public static LocalDate date(LocalDate date, String field) {
        present(date, field);
        if (date.isBefore(EARLIEST_DATE)) {
            throw RejectionException.invalid(field, "DATE_IMPLAUSIBLE",
                    field + " " + date + " lies before " + EARLIEST_DATE + ", the earliest date of the register");
        }
        return date;
    }

    /** A business date may not lie after today: the register records facts, not plans. */
    public static LocalDate notInFuture(LocalDate date, LocalDate today, String field) {
        present(date, field);
        if (date.isAfter(today)) {
            throw RejectionException.invalid(field, "DATE_IN_FUTURE", field + " " + date + " lies in the future");
        }
        return date;
    }

    private static String checked(String value, String field, int maxLength, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        String problem = textProblem(trimmed, maxLength, multiline);
        if (problem != null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " " + problem);
        }
        return trimmed;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " must not be blank");
        }
        return value;
    }

    private static boolean allowed(int c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return multiline;
        }
        return Character.getType(c) != Character.CONTROL                     // C0, DEL, C1
                && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)  // bidi embeddings, isolates
                && c != 0x200E && c != 0x200F && c != 0x061C                    // bidi marks
                && c != 0x2028 && c != 0x2029                                   // line and paragraph separators
                && c != 0xFEFF                                                  // byte order mark
                && c != 0xFFFD                                                  // what a decoder could not read
                && !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE;     // noncharacters
    }
}
