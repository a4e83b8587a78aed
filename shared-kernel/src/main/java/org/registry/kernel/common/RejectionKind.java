package org.registry.kernel.common;

/**
 * Why a command or a query was refused. The HTTP layer maps each kind to one status code, so the
 * decision "is this the client's fault, a conflict, or unknown?" is made where the rule lives.
 */
public enum RejectionKind {
    /** The input is malformed or breaks a rule of its own (400). */
    INVALID_INPUT,
    /** The input is well-formed but cannot be applied as sent (422). */
    UNPROCESSABLE,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** A record the command names does not exist (404). */
    NOT_FOUND,
    /** The record is not in a state that allows this, or another record already holds the value (409). */
    CONFLICT,
    /** The record moved on since the version the caller based its request on (412). */
    PRECONDITION_FAILED
}
