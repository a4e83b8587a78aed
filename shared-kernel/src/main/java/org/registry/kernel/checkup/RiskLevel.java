package org.registry.kernel.checkup;

/** The risk assessment of a pre-pregnancy check-up. */
public enum RiskLevel {
    LOW, HIGH
}
