package org.registry.kernel.benefit;

/** The outcome of an annual re-certification (年审). */
public enum Recertification {
    CONTINUE, EXIT
}
