package org.registry.platform.security;

/** The roles of api.md. */
public enum Role {
    /** Records facts and reads, limited to the areas the clerk is assigned. */
    CLERK,
    /** Reads everything, including the audit trail; records nothing. */
    AUDITOR,
    /** Dashboards, event export and projection replays; personal data masked. */
    ANALYST,
    /** Operates the service: everything a clerk, an auditor and an analyst may do, in every area. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
