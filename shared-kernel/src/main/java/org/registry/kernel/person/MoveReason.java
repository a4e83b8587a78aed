package org.registry.kernel.person;

public enum MoveReason {
    WORK, STUDY, MARRIAGE, FAMILY, OTHER
}
