package org.registry.platform.security;

import org.registry.kernel.area.AreaCode;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request, and the checks of its area scope. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static RegistryUser get() {
        return find().orElseThrow(() -> new IllegalStateException("no registry user is authenticated"));
    }

    /** The caller, when one logged in (the open endpoints have none). */
    public static Optional<RegistryUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof RegistryJwtAuthentication jwt) {
            return Optional.of(jwt.user());
        }
        if (authentication != null && authentication.getPrincipal() instanceof RegistryUserDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }

    /** Refuses with 403 unless the caller may act or read in the given community. */
    public static void requireScope(CommunityCode community) {
        RegistryUser user = get();
        if (!user.scope().covers(community)) {
            throw outside(user, community.value());
        }
    }

    /** Refuses with 403 unless the whole area lies in the caller's scope. */
    public static void requireScope(AreaCode area) {
        RegistryUser user = get();
        if (!user.scope().covers(area)) {
            throw outside(user, area.value());
        }
    }

    private static RejectionException outside(RegistryUser user, String area) {
        return RejectionException.forbidden("OUTSIDE_AREA_SCOPE",
                "user '" + user.name() + "' may act only in area(s) " + user.scope() + ", not in " + area);
    }
}
