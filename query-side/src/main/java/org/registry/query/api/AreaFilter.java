package org.registry.query.api;

import org.registry.kernel.area.AreaCode;
import org.registry.platform.security.AreaScope;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;

import java.util.ArrayList;
import java.util.List;

/**
 * Restricts a read to an area by code prefix. Tables of the read side keep the county (6), township (9) and
 * community (12 digits) of each row in their own indexed columns, so every level is an equality on an index;
 * provinces and cities (2, 4 digits) fall back to a prefix match.
 *
 * @param sql        a condition to AND into a WHERE clause
 * @param parameters its parameters, in order
 */
public record AreaFilter(String sql, List<Object> parameters) {

    /** The requested area, checked against the caller's scope; without one, everything the caller may see. */
    public static AreaFilter forCaller(String areaCode) {
        if (areaCode != null) {
            AreaCode area = new AreaCode(areaCode);
            CurrentUser.requireScope(area);
            return of(area);
        }
        RegistryUser user = CurrentUser.get();
        AreaScope scope = user.scope();
        if (scope.everywhere()) {
            return new AreaFilter("1 = 1", List.of());
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (AreaCode area : scope.areas()) {
            AreaFilter filter = of(area);
            conditions.add(filter.sql());
            parameters.addAll(filter.parameters());
        }
        return new AreaFilter(conditions.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", conditions) + ")",
                parameters);
    }

    public static AreaFilter of(AreaCode area) {
        String code = area.value();
        return switch (code.length()) {
            case 12 -> new AreaFilter("community_code = ?", List.of(code));
            case 9 -> new AreaFilter("township_code = ?", List.of(code));
            case 6 -> new AreaFilter("county_code = ?", List.of(code));
            default -> new AreaFilter("community_code LIKE ?", List.of(code + "%"));
        };
    }
}
