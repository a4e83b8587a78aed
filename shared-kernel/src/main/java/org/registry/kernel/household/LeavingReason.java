package org.registry.kernel.household;

/** Why a member left a household. */
public enum LeavingReason {
    TRANSFERRED, MOVED_AWAY, DIED
}
