package org.registry.command.api;

/**
 * An HTTP command body. Every command accepts an optional {@code reason}: free text, kept in the audit trail with the
 * events. A cause the command records as a fact of its own has a name of its own (a move's {@code moveReason}).
 */
public interface CommandRequest {

    String reason();

    /** The reason the audit trail keeps: the one given. */
    default String auditReason() {
        return reason();
    }

    /** A body with a {@code note} of its own, which the audit trail keeps as the reason when none is given. */
    interface Noted extends CommandRequest {

        String note();

        @Override
        default String auditReason() {
            return reason() != null ? reason() : note();
        }
    }
}
