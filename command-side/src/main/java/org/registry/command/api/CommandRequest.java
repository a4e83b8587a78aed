package org.registry.command.api;

/** An HTTP command body. Every command accepts an optional {@code reason}, kept in the audit trail. */
public interface CommandRequest {

    String reason();
}
