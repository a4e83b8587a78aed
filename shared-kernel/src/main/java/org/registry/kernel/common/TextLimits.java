package org.registry.kernel.common;

/**
 * How many characters each kind of text may have: the commands refuse longer text, and the HTTP requests that carry
 * it declare the same bounds (so that the API description states them).
 */
public final class TextLimits {

    /** A person's name. */
    public static final int NAME = 50;
    /** An ethnicity (民族). */
    public static final int ETHNICITY = 20;
    /** An address, a place of origin or destination, a facility. */
    public static final int PLACE = 200;
    /** A household number, a certificate number. */
    public static final int NUMBER = 40;
    /** The corrected value of a detail. */
    public static final int CORRECTION = 200;
    /** Why a command was given, for the audit trail; why a detail was corrected, a claim re-certified. */
    public static final int REASON = 500;
    /** A note on a check-up or a decision, an objection, the basis of a claim. */
    public static final int NOTE = 2000;
    /** An identifier, a code, a search term sent as text. */
    public static final int TOKEN = 100;

    private TextLimits() {
    }
}
