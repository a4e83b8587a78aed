package org.registry.query.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import org.registry.kernel.common.PersonalData;

/**
 * An end of a flow as the dashboard shows it: a community of the register, by its division code (an area, not
 * personal), or a place outside the register as a clerk wrote it (free text about a person, so personal data:
 * masked for analysts, who still see that the flow came from, or went to, outside the register).
 */
sealed interface FlowEnd permits FlowEnd.Community, FlowEnd.Written {

    static FlowEnd of(String name, String communityCode) {
        return communityCode == null ? new Written(name) : new Community(communityCode);
    }

    record Community(@JsonValue String code) implements FlowEnd {
    }

    @PersonalData
    record Written(@JsonValue String text) implements FlowEnd {
    }
}
