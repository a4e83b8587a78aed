package org.registry.kernel.benefit;

public enum Outcome {
    APPROVE, REJECT
}
