package org.registry.kernel.area;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.RejectionException;

import java.util.Set;

/**
 * An administrative area named by a prefix of the 12-digit division code: 2 digits a province, 4 a city,
 * 6 a county, 9 a township or street, 12 one community. Roll-ups are by prefix, so no area table is needed.
 */
public record AreaCode(String value) {

    private static final Set<Integer> LEVELS = Set.of(2, 4, 6, 9, 12);

    public AreaCode {
        if (value == null || !value.matches("\\d+") || !LEVELS.contains(value.length())) {
            throw RejectionException.invalid("areaCode", "AREA_CODE_INVALID",
                    "an area code is a division code prefix of 2, 4, 6, 9 or 12 digits, got '" + value + "'");
        }
    }

    @JsonCreator
    public static AreaCode of(String value) {
        return new AreaCode(value);
    }

    public boolean contains(CommunityCode community) {
        return community.value().startsWith(value);
    }

    /** True when every community of {@code other} lies inside this area. */
    public boolean contains(AreaCode other) {
        return other.value.startsWith(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
