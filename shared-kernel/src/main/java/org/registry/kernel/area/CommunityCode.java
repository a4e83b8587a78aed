package org.registry.kernel.area;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.RejectionException;

/**
 * The full 12-digit statistical division code of one village or community ({@code PP CC DD TTT VVV}).
 * A household belongs to exactly one.
 */
public record CommunityCode(@JsonValue String value) {

    public CommunityCode {
        if (value == null || !value.matches("\\d{12}")) {
            throw RejectionException.invalid("communityCode", "COMMUNITY_CODE_INVALID",
                    "a community code has exactly 12 digits, got '" + value + "'");
        }
    }

    /**
     * Refuses a code no community can have (an unknown province, a level of zeros). Commands ask this of new input;
     * the constructor does not, because it also reads stored events, which must stay readable whatever rules
     * input is held to later.
     */
    public CommunityCode requireKnown() {
        String problem = AreaCode.problemWith(value);
        if (problem != null) {
            throw RejectionException.invalid("communityCode", "COMMUNITY_CODE_INVALID",
                    "'" + value + "' is not a community's code: " + problem);
        }
        return this;
    }

    @JsonCreator
    public static CommunityCode of(String value) {
        return new CommunityCode(value);
    }

    /** The county (6 digits), township (9 digits) or the community itself, as an area prefix. */
    public AreaCode county() {
        return new AreaCode(value.substring(0, 6));
    }

    public AreaCode township() {
        return new AreaCode(value.substring(0, 9));
    }

    public AreaCode asArea() {
        return new AreaCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
