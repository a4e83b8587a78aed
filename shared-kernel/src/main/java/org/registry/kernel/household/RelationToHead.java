package org.registry.kernel.household;

/** How a member relates to the head of the household. */
public enum RelationToHead {
    HEAD, SPOUSE, CHILD, PARENT, OTHER
}
