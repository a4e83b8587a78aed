package org.registry.command.api;

/**
 * An HTTP command body. Every command accepts an optional {@code reason}: free text, kept in the audit trail with the
 * events. A cause the command records as a fact of its own has a name of its own (a move's {@code moveReason}).
 */
public interface CommandRequest {

    String reason();
}
