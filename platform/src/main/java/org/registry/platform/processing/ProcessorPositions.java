package org.registry.platform.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far each streaming processor (each projection) has got: from the token store, so it holds across nodes (a
 * segment claimed by another process counts as much as one claimed here), or from this process's own processor when
 * it holds every segment. The latter knows at once that a projection passed events it has no handler for, whose
 * token is stored only when its claim is next extended.
 */
public class ProcessorPositions {

    private final AxonTokens stored;
    private final EventProcessingConfiguration processors;

    public ProcessorPositions(AxonTokens stored, EventProcessingConfiguration processors) {
        this.stored = stored;
        this.processors = processors;
    }

    /** The stored tokens of every segment of every processor, by processor (in one read of the token store). */
    public Map<String, List<TrackingToken>> tokens() {
        return stored.all();
    }

    /** The stored tokens of every segment of a processor; empty before it first started. */
    public List<TrackingToken> tokens(String processor) {
        return stored.of(processor);
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
        List<TrackingToken> local = localTokens(processor, tokens.size());
        return local != null && local.stream().allMatch(token -> covers(token, position));
    }

    /**
     * The position up to which every segment of the processor has handled the store (its segments' lowest), 0 before
     * it first started.
     *
     * @param stored the processor's stored tokens, as {@link #tokens()} read them
     */
    public long position(String processor, List<TrackingToken> stored) {
        if (stored == null || stored.isEmpty()) {
            return 0;
        }
        long position = lowest(stored);
        List<TrackingToken> local = localTokens(processor, stored.size());
        return local == null ? position : Math.max(position, lowest(local));
    }

    /** The position of a token: where its lower bound stands, 0 for none. */
    public static long position(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        return current == null ? 0 : current.position().orElse(0);
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current.position().orElse(-1) >= position;
    }

    private static long lowest(List<TrackingToken> tokens) {
        return tokens.stream().mapToLong(ProcessorPositions::position).min().orElse(0);
    }

    /** The tokens of this process's processor, when it holds all {@code segments} segments; else null. */
    private List<TrackingToken> localTokens(String processor, int segments) {
        Map<Integer, EventTrackerStatus> local = processors.eventProcessor(processor, StreamingEventProcessor.class)
                                                           .map(StreamingEventProcessor::processingStatus)
                                                           .orElse(Map.of());
        if (local.size() != segments) {
            return null;
        }
        List<TrackingToken> tokens = local.values().stream().map(EventTrackerStatus::getTrackingToken).toList();
        return tokens.stream().allMatch(Objects::nonNull) ? tokens : null;
    }
}
