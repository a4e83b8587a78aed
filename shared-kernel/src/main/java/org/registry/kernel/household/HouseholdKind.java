package org.registry.kernel.household;

/** What kind of household the register holds. */
public enum HouseholdKind {
    /** 户籍户: the household's registration is here and it lives here. */
    REGISTERED,
    /** 流动人口户: lives here, registered elsewhere. */
    FLOATING,
    /** 空挂户: registered here, nobody lives here. */
    NOMINAL
}
