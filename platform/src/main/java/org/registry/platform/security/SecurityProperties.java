package org.registry.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Set;

/**
 * {@code registry.security.*}: who may log in.
 *
 * @param users     users for HTTP Basic; passwords in Spring's encoded form ({@code {bcrypt}...}, {@code {noop}...})
 * @param demoUsers {@code auto} (only on the embedded H2 database), {@code on} or {@code off}
 * @param jwt       how roles and areas are read from a bearer token, when a JWT issuer is configured
 */
@ConfigurationProperties("registry.security")
public record SecurityProperties(@DefaultValue List<User> users,
                                 @DefaultValue("auto") DemoUsers demoUsers,
                                 @DefaultValue Jwt jwt) {

    public enum DemoUsers { AUTO, ON, OFF }

    /**
     * @param areas {@code *} or area code prefixes; required for clerks
     */
    public record User(String username, String password, Set<Role> roles, List<String> areas) {
    }

    /**
     * @param usernameClaim the claim naming the user in the audit trail
     * @param rolesClaim    a list of role names ({@code CLERK}, ...)
     * @param areasClaim    a list of area code prefixes, or {@code *}
     */
    public record Jwt(@DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("areas") String areasClaim) {
    }
}
