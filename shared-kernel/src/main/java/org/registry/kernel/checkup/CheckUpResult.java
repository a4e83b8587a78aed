package org.registry.kernel.checkup;

public enum CheckUpResult {
    NORMAL, NEEDS_TREATMENT, HIGH_RISK
}
