package org.registry.command.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command did: the new version of each aggregate it changed, the identifiers of the events it stored,
 * and the handler's own return value (e.g. a derived birth order), if any.
 *
 * <p>Axon hands events to the store only when the unit of work prepares its commit, after the handler has
 * returned; so the outcome is returned by the handler empty and {@link #record completed} during that phase.
 * The dispatcher reads it once the command has completed (locally, or after the result crossed Axon Server,
 * which serializes it after the commit).
 */
public final class CommandOutcome {

    private final Map<String, Long> versions;
    private final List<String> eventIdentifiers;
    private final Object value;

    CommandOutcome(Object value) {
        this(new LinkedHashMap<>(), new ArrayList<>(), value);
    }

    @JsonCreator
    CommandOutcome(@JsonProperty("versions") Map<String, Long> versions,
                   @JsonProperty("eventIdentifiers") List<String> eventIdentifiers,
                   @JsonProperty("value") Object value) {
        this.versions = new LinkedHashMap<>(versions);
        this.eventIdentifiers = new ArrayList<>(eventIdentifiers);
        this.value = value;
    }

    void record(String aggregateIdentifier, long sequenceNumber, String eventIdentifier) {
        versions.merge(aggregateIdentifier, sequenceNumber, Math::max);
        eventIdentifiers.add(eventIdentifier);
    }

    /** The new version of each aggregate the command changed, by aggregate identifier. */
    @JsonProperty
    public Map<String, Long> versions() {
        return Map.copyOf(versions);
    }

    @JsonProperty
    public List<String> eventIdentifiers() {
        return List.copyOf(eventIdentifiers);
    }

    @JsonProperty
    public Object value() {
        return value;
    }
}
