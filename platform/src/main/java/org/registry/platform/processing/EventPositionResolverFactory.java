package org.registry.platform.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AbstractAnnotatedParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;

/**
 * Resolves {@link EventPosition} parameters (registered with Axon through {@code META-INF/services}, so the live
 * processors and the rebuilds of projections alike find it).
 */
public class EventPositionResolverFactory extends AbstractAnnotatedParameterResolverFactory<EventPosition, Long> {

    private static final ParameterResolver<Long> RESOLVER = new ParameterResolver<>() {
        @Override
        public Long resolveParameterValue(Message<?> message) {
            return OwnPositions.of((EventMessage<?>) message);
        }

        /** Every event: one without a known position must fail its handler, not be passed over silently. */
        @Override
        public boolean matches(Message<?> message) {
            return message instanceof EventMessage;
        }
    };

    public EventPositionResolverFactory() {
        super(EventPosition.class, Long.class);
    }

    @Override
    protected ParameterResolver<Long> getResolver() {
        return RESOLVER;
    }
}
