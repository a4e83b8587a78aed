package org.registry.command.api;

/**
 * An HTTP command body. Every command accepts an optional {@code reason}, kept in the audit trail: free text, or,
 * where the command has a reason of its own (the reason of a move), that reason.
 */
public interface CommandRequest {

    Object reason();
}
