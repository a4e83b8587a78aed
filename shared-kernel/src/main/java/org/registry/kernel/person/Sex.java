package org.registry.kernel.person;

public enum Sex {
    MALE, FEMALE
}
