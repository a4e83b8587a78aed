package org.registry.query.api;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far each projection has got, read from the token store, so it holds across nodes: a segment claimed by
 * another process of the query side counts as much as one claimed here.
 */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProjectionPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
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
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> covers(token, position));
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
