package org.registry.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a {@link RegistryUser} from a bearer token's claims: a user name, a list of roles, a list of areas. */
class JwtUsers {

    private final SecurityProperties.Jwt claims;

    JwtUsers(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    AbstractAuthenticationToken authenticate(Jwt jwt) {
        String name = jwt.hasClaim(claims.usernameClaim()) ? jwt.getClaimAsString(claims.usernameClaim())
                : jwt.getSubject();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : list(jwt, claims.rolesClaim())) {
            try {
                roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // A token may carry roles of other applications; only ours count.
            }
        }
        AreaScope scope = roles.contains(Role.CLERK) && !roles.contains(Role.ADMIN)
                ? AreaScope.parse(list(jwt, claims.areasClaim()))
                : AreaScope.all();
        return new RegistryJwtAuthentication(jwt, new RegistryUser(name, roles, scope));
    }

    private static List<String> list(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split("[,\\s]+"));
        }
        return List.of();
    }
}
