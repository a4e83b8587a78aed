package org.registry.kernel.person;

/** Where a person on the register lives, relative to the area that keeps the record. */
public enum Residency {
    /** 常住/户籍: registered here and living here. */
    PERMANENT,
    /** 流入: living here, registered elsewhere. */
    FLOATING_IN,
    /** 流出: on this register, living elsewhere. */
    MOVED_OUT,
    DECEASED;

    /** Counted in the population of the area: living here. */
    public boolean livesHere() {
        return this == PERMANENT || this == FLOATING_IN;
    }
}
