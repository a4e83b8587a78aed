package org.registry.platform.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The authenticated caller as the registry sees it, whether it logged in with a password or a token. */
public record RegistryUser(String name, Set<Role> roles, AreaScope scope) {

    public RegistryUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Personal data is masked for a caller whose only business is figures. */
    public boolean seesPersonalData() {
        return roles.stream().anyMatch(role -> role != Role.ANALYST);
    }

    /** The roles as recorded in the audit trail, e.g. {@code CLERK}. */
    public String rolesText() {
        return new TreeSet<>(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }
}
