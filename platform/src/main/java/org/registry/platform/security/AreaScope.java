package org.registry.platform.security;

import org.registry.kernel.area.AreaCode;
import org.registry.kernel.area.CommunityCode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The areas a user may act and read in: every area, or the listed area prefixes and everything below them.
 * Written in configuration as {@code *} or as division code prefixes ({@code 330106}, {@code 330106001001}).
 */
public record AreaScope(boolean everywhere, List<AreaCode> areas) {

    public static final String EVERYWHERE = "*";

    public AreaScope {
        areas = List.copyOf(areas);
    }

    public static AreaScope all() {
        return new AreaScope(true, List.of());
    }

    public static AreaScope parse(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return new AreaScope(false, List.of());
        }
        if (entries.contains(EVERYWHERE)) {
            return all();
        }
        return new AreaScope(false, entries.stream().map(AreaCode::new).toList());
    }

    public boolean covers(CommunityCode community) {
        return everywhere || areas.stream().anyMatch(area -> area.contains(community));
    }

    /** True when the whole of {@code area} lies in the scope (asking for a county needs the whole county). */
    public boolean covers(AreaCode area) {
        return everywhere || areas.stream().anyMatch(own -> own.contains(area));
    }

    @Override
    public String toString() {
        return everywhere ? EVERYWHERE : areas.stream().map(AreaCode::value).collect(Collectors.joining(","));
    }
}
