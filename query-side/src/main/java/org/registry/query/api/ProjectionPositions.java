package org.registry.query.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * How far each projection has got: from the token store, so it holds across nodes (a segment claimed by another
 * process of the query side counts as much as one claimed here), or from this process's own processor when it
 * holds every segment. The latter knows at once that a projection passed events it has no handler for, whose
 * token is stored only when its claim is next extended.
 */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processors;

    ProjectionPositions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processors) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processors = processors;
    }

    /** The tokens of every segment of a processor; empty before it first started. */
    public List<TrackingToken> tokens(String processor) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, row) -> {
                    String token = rs.getString("token");
                    return token == null ? null : serializer.<String, TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, String.class,
                                    new SimpleSerializedType(rs.getString("token_type"), null)));
                }, processor);
    }

    /** True when every segment of the processor has handled the event at {@code position}. */
    public boolean reached(String processor, long position) {
        List<TrackingToken> tokens = tokens(processor);
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.stream().allMatch(token -> covers(token, position))) {
            return true;
        }
        Map<Integer, EventTrackerStatus> local = processors.eventProcessor(processor, StreamingEventProcessor.class)
                                                           .map(StreamingEventProcessor::processingStatus)
                                                           .orElse(Map.of());
        return local.size() == tokens.size() && local.values().stream()
                .allMatch(status -> status.getTrackingToken() != null && covers(status.getTrackingToken(), position));
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof WrappedToken wrapped ? wrapped.lowerBound() : token;
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current.position().orElse(-1) >= position;
    }
}
