package org.registry.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Rewrites the JSON payload of some event types stored at one revision into the form of the next: the types and
 * revision it applies to, and the change of the payload, are all a subclass says.
 */
abstract class PayloadRevisionUpcaster extends SingleEventUpcaster {

    private final Set<String> types;
    private final String from;
    private final String to;
    private final UnaryOperator<JsonNode> change;

    PayloadRevisionUpcaster(Set<Class<?>> types, String from, String to, UnaryOperator<JsonNode> change) {
        this.types = types.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());
        this.from = from;
        this.to = to;
        this.change = change;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.contains(representation.getType().getName())
                && from.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), to),
                JsonNode.class, change::apply);
    }
}
