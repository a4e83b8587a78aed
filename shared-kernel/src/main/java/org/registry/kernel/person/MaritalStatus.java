package org.registry.kernel.person;

public enum MaritalStatus {
    SINGLE, MARRIED, DIVORCED, WIDOWED
}
