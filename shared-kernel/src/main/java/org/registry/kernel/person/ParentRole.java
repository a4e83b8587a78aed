package org.registry.kernel.person;

public enum ParentRole {
    MOTHER, FATHER
}
