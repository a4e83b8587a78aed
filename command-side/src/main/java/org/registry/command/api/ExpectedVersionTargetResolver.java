package org.registry.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.registry.platform.eventstore.AuditMetaData;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier}, and the version the caller expects
 * (from {@code If-Match}) in the message's metadata, so that commands need no version field of their own.
 * Axon then refuses the command when the aggregate has moved past that version.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(AuditMetaData.EXPECTED_VERSION);
        Long version = expected instanceof Number number ? number.longValue() : null;
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), version);
    }
}
