package org.registry.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import java.util.Map;

/** A bearer-token caller, carrying its {@link RegistryUser} read from the token's claims. */
class RegistryJwtAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final RegistryUser user;

    RegistryJwtAuthentication(Jwt jwt, RegistryUser user) {
        super(jwt, user, jwt, user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.user = user;
        setAuthenticated(true);
    }

    RegistryUser user() {
        return user;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return user.name();
    }
}
