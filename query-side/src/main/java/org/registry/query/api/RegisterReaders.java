package org.registry.query.api;

import org.registry.kernel.common.RejectionException;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;

/**
 * Who may read the registers themselves (persons, households, their ledgers and downloads): clerks, auditors and
 * admins. A caller whose only role is to read figures is refused (403), in the console as the security rules refuse
 * the JSON reads of {@code /api/persons} and {@code /api/households}.
 */
public final class RegisterReaders {

    private RegisterReaders() {
    }

    public static void require() {
        RegistryUser user = CurrentUser.get();
        if (!user.has(Role.CLERK) && !user.has(Role.AUDITOR) && !user.has(Role.ADMIN)) {
            throw RejectionException.forbidden("FORBIDDEN", "your role may not read the registers themselves");
        }
    }
}
