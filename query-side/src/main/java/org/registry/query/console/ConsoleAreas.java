package org.registry.query.console;

import org.registry.kernel.area.AreaCode;
import org.registry.platform.security.RegistryUser;
import org.registry.query.api.AreaSql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The areas the area picker offers a user: the counties, townships and communities that have households on the
 * register, those the user's scope covers, and the areas of the scope itself.
 */
@Component
record ConsoleAreas(NamedParameterJdbcTemplate jdbc) {

    /** How many communities the picker lists at most; a longer list is narrowed by typing a code prefix. */
    static final int MAX_COMMUNITIES = 2000;

    /** @param level 6 (county, 县/区), 9 (township, 乡镇/街道) or 12 (community, 村/社区) digits */
    record Area(String code, int level) {
    }

    List<Area> visibleTo(RegistryUser user) {
        AreaSql scope = user.scope().everywhere() ? new AreaSql(true, List.of())
                : new AreaSql(false, user.scope().areas());
        List<String> communities = jdbc.queryForList("SELECT DISTINCT h.community_code FROM household_register h WHERE "
                        + scope.rows("h") + " ORDER BY h.community_code LIMIT " + MAX_COMMUNITIES,
                scope.bind(new MapSqlParameterSource()), String.class);
        TreeSet<String> codes = new TreeSet<>();
        for (String community : communities) {
            for (String code : List.of(community.substring(0, 6), community.substring(0, 9), community)) {
                if (user.scope().covers(new AreaCode(code))) {
                    codes.add(code);
                }
            }
        }
        user.scope().areas().forEach(area -> codes.add(area.value()));
        List<Area> areas = new ArrayList<>();
        codes.forEach(code -> areas.add(new Area(code, code.length())));
        return areas;
    }

    /** The area a user's console opens on: the first they may see. */
    String first(RegistryUser user) {
        List<Area> areas = visibleTo(user);
        return areas.isEmpty() ? null : areas.get(0).code();
    }
}
