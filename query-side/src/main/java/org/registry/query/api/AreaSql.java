package org.registry.query.api;

import org.registry.kernel.area.AreaCode;
import org.registry.platform.security.AreaScope;
import org.registry.platform.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * An area (or the caller's areas) as named SQL for reads that join several tables: {@link #rows} restricts a
 * table with the county/township/community columns of {@link AreaFilter}, each level an equality on an index;
 * {@link #contains} asks whether a bare community code lies inside, which is how a move between two communities
 * is told apart from a move across the area's border.
 *
 * @param everywhere true when no area restricts the read
 * @param areas      the area prefixes otherwise (any of them)
 */
public record AreaSql(boolean everywhere, List<AreaCode> areas) {

    public AreaSql {
        areas = List.copyOf(areas);
    }

    public static AreaSql of(AreaCode area) {
        return new AreaSql(false, List.of(area));
    }

    /** The requested area, checked against the caller's scope; without one, everything the caller may see. */
    public static AreaSql forCaller(String areaCode) {
        if (areaCode != null && !areaCode.isBlank()) {
            AreaCode area = new AreaCode(areaCode);
            CurrentUser.requireScope(area);
            return of(area);
        }
        AreaScope scope = CurrentUser.get().scope();
        return scope.everywhere() ? new AreaSql(true, List.of()) : new AreaSql(false, scope.areas());
    }

    /** The one area of a report, which must lie in the caller's scope. */
    public static AreaSql requiredForCaller(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            throw org.registry.kernel.common.RejectionException.invalid("areaCode", "VALIDATION_FAILED",
                    "areaCode is required: a division code prefix of 2, 4, 6, 9 or 12 digits");
        }
        return forCaller(areaCode);
    }

    /** The rows of {@code alias} (a table with community_code, township_code, county_code) inside the area. */
    public String rows(String alias) {
        if (everywhere) {
            return "1 = 1";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            String code = areas.get(i).value();
            String column = switch (code.length()) {
                case 12 -> "community_code";
                case 9 -> "township_code";
                case 6 -> "county_code";
                default -> null;
            };
            conditions.add(column == null
                    ? alias + ".community_code LIKE :areaLike" + i
                    : alias + "." + column + " = :area" + i);
        }
        return conditions.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", conditions) + ")";
    }

    /** True (in SQL) when the community code in {@code column} lies inside the area; unknown (null) when it is null. */
    public String contains(String column) {
        if (everywhere) {
            return "(" + column + " IS NOT NULL)";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            conditions.add(column + " LIKE :areaLike" + i);
        }
        return conditions.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", conditions) + ")";
    }

    /**
     * True (in SQL) when the community code in {@code column} lies inside the area, as a range of 12-digit codes
     * ({@code 330106000000} to {@code 330106999999} for a county), which an index on the column can answer at every
     * level.
     */
    public String range(String column) {
        if (everywhere) {
            return "1 = 1";
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            conditions.add(column + " BETWEEN :areaLow" + i + " AND :areaHigh" + i);
        }
        return conditions.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", conditions) + ")";
    }

    /**
     * The area's code when it is one township or one county, whose figures are also tallied as a whole
     * (residence_area_tally); null otherwise (a community, several areas, a prefix of another length, everywhere).
     */
    public String tallied() {
        if (everywhere || areas.size() != 1) {
            return null;
        }
        String code = areas.get(0).value();
        return code.length() == 9 || code.length() == 6 ? code : null;
    }

    public MapSqlParameterSource bind(MapSqlParameterSource parameters) {
        for (int i = 0; i < areas.size(); i++) {
            String code = areas.get(i).value();
            parameters.addValue("area" + i, code);
            parameters.addValue("areaLike" + i, code + "%");
            parameters.addValue("areaLow" + i, code + "0".repeat(12 - code.length()));
            parameters.addValue("areaHigh" + i, code + "9".repeat(12 - code.length()));
        }
        return parameters;
    }

    /** The area as the answer names it: the one code, or null for several or everywhere. */
    public String code() {
        return areas.size() == 1 ? areas.get(0).value() : null;
    }
}
