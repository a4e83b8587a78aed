package org.registry.kernel.area;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.RejectionException;

import java.util.Set;

/**
 * An administrative area named by a prefix of the 12-digit division code: 2 digits a province, 4 a city,
 * 6 a county, 9 a township or street, 12 one community. Roll-ups are by prefix, so no area table is needed.
 */
public record AreaCode(@JsonValue String value) {

    private static final Set<Integer> LEVELS = Set.of(2, 4, 6, 9, 12);

    /** The provinces, autonomous regions and municipalities, Taiwan, Hong Kong and Macao (GB/T 2260). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    public AreaCode {
        if (value == null || !value.matches("\\d+") || !LEVELS.contains(value.length())) {
            throw RejectionException.invalid("areaCode", "AREA_CODE_INVALID",
                    "an area code is a division code prefix of 2, 4, 6, 9 or 12 digits, got '" + value + "'");
        }
        String problem = problemWith(value);
        if (problem != null) {
            throw RejectionException.invalid("areaCode", "AREA_CODE_INVALID", "'" + value + "': " + problem);
        }
    }

    /**
     * What is wrong with a division code (prefix), or null: the province must exist, and no level below it may be
     * zero (a zero level names the area above it, never an area of its own).
     */
    static String problemWith(String code) {
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return "it starts with " + code.substring(0, 2) + ", which is no province's code";
        }
        String[] levels = {"city", "county", "township", "village"};
        int[] ends = {4, 6, 9, 12};
        for (int level = 0, start = 2; level < levels.length && ends[level] <= code.length(); start = ends[level++]) {
            if (Integer.parseInt(code.substring(start, ends[level])) == 0) {
                return "its " + levels[level] + " part is zero";
            }
        }
        return null;
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

    @Override
    public String toString() {
        return value;
    }
}
