package org.registry.kernel.household;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.RejectionException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A six-digit postal code (邮政编码) of the post office that serves an address, e.g. {@code 310012}.
 * Not personal data: like the community code, it names an area of thousands of households.
 */
public record PostalCode(@JsonValue String value) {

    /**
     * How clerks wrote the code at the end of an address before it had a field of its own, as on an envelope:
     * "1 Wensan Road, 310012", "文三路1号 邮编310012". The code is the last thing, after a separator or a label.
     */
    private static final Pattern TRAILING = Pattern.compile("^(?<address>.*?\\S)"
            + "(?:[\\s,，;；]*(?:邮编|邮政编码|postcode|postal code|zip)[:：]?\\s*|[\\s,，;；]+)(?<code>\\d{6})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public PostalCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw RejectionException.invalid("postalCode", "POSTAL_CODE_INVALID",
                    "a postal code has 6 digits, got '" + value + "'");
        }
    }

    @JsonCreator
    public static PostalCode of(String value) {
        return new PostalCode(value);
    }

    /** An optional code as it arrives in a request: {@code null} when blank. */
    public static PostalCode optional(String value) {
        return value == null || value.isBlank() ? null : new PostalCode(value.strip());
    }

    /**
     * An address written with its postal code at the end, split in two.
     *
     * @return the address without the code, and the code; empty when the text does not end with one
     */
    public static Optional<Split> splitFrom(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher matcher = TRAILING.matcher(address.strip());
        return matcher.matches()
                ? Optional.of(new Split(matcher.group("address"), new PostalCode(matcher.group("code"))))
                : Optional.empty();
    }

    /** An address and the postal code that was written after it. */
    public record Split(String address, PostalCode postalCode) {
    }

    @Override
    public String toString() {
        return value;
    }
}
