package org.registry.query.console;

import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;
import org.springframework.ui.Model;

/**
 * What every console page's header shows: the signed-in user, and for operators (administrators and analysts) the
 * link to the projections.
 */
public final class ConsoleHeader {

    private ConsoleHeader() {
    }

    /** The header of the signed-in user, who is answered. */
    public static RegistryUser show(Model model) {
        RegistryUser user = CurrentUser.get();
        show(model, user);
        return user;
    }

    public static void show(Model model, RegistryUser user) {
        model.addAttribute("user", user);
        model.addAttribute("operator", user.has(Role.ADMIN) || user.has(Role.ANALYST));
    }
}
