package org.registry.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.util.Map;

/**
 * Events whose payload must not be read, handed to a projection as its processor hands them (Axon's adapter, the
 * handler chosen by payload type, the parameters resolved): what handlers that need only an event's type, metadata
 * or position are given. Deserializing the payload would cost a replay time for nothing, and fails here.
 */
public final class UnreadPayloads {

    /** An event no projection has a handler of its own for. */
    public record Unrelated() {
    }

    private UnreadPayloads() {
    }

    /** An {@link Unrelated} event at {@code position}, whose payload throws if anything asks for it. */
    public static DomainEventMessage<?> event(long position, Map<String, ?> metaData) {
        DomainEventMessage<Unrelated> event = new GenericDomainEventMessage<>("Person", "record-1", 3,
                new Unrelated(), metaData) {
            @Override
            public Unrelated getPayload() {
                throw new AssertionError("the payload of an event was deserialized, though no handler needs it");
            }
        };
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event);
    }

    /** Handles the event as the projection's processor would. */
    public static void handle(Object projection, DomainEventMessage<?> event) throws Exception {
        new AnnotationEventHandlerAdapter(projection).handle(event);
    }
}
