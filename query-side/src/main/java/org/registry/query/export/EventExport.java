package org.registry.query.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.eventstore.StoredEvents.StoredEvent;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.privacy.PersonalDataMasking;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The analysts' export: stored events in position order as newline-delimited JSON, one event a line, each upcasted
 * to its current revision and with its metadata, personal data masked unless the reader may see it:
 *
 * <pre>{"position":17,"type":"PersonRegistered","revision":"1","aggregateType":"Person","aggregateId":"…",
 * "sequence":0,"recordedAt":"2026-03-01T02:00:00Z","metaData":{"actor":"clerk",…},"payload":{…}}</pre>
 *
 * <p>Resuming: the last line's {@code position} is the next export's {@code after}; an export that writes no line
 * has nothing more to give. Events are read a page at a time and written as they are read, never held in memory as a
 * whole. An export stops before a gap in the positions younger than the gap timeout (a transaction that may still
 * commit there, see {@link StoredEvents#after}), so a resumed export never skips an event.
 */
public record EventExport(StoredEvents store, PersonalDataMasking masking, Duration gapTimeout) {

    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 100_000;
    private static final int PAGE = 500;
    private static final byte[] NEWLINE = {'\n'};

    /** One line of the export. */
    record Line(long position, String type, String revision, String aggregateType, String aggregateId, long sequence,
                Instant recordedAt, Map<String, ?> metaData, Object payload) {
    }

    /**
     * What an export wrote.
     *
     * @param last the position of the last line written, or {@code after} when none was
     */
    public record Written(long lines, long last) {
    }

    /**
     * Writes up to {@code limit} events after position {@code after}, of the given types only (simple names, all
     * when empty).
     */
    public Written write(OutputStream out, long after, Set<String> types, long limit, boolean mask) throws IOException {
        ObjectMapper mapper = masking.mapper(mask);
        long lines = 0;
        long last = after;
        long cursor = after;
        while (lines < limit) {
            StoredEvents.Slice slice = store.after(cursor, PAGE, gapTimeout);
            for (StoredEvent event : slice.events()) {
                if (types.isEmpty() || types.contains(event.type())) {
                    out.write(mapper.writeValueAsBytes(new Line(event.position(), event.type(), event.revision(),
                            event.aggregateType(), event.aggregateId(), event.sequence(), event.recordedAt(),
                            masking.metaData(event.metaData(), mask), event.payload())));
                    out.write(NEWLINE);
                    lines++;
                    last = event.position();
                    if (lines == limit) {
                        break;
                    }
                }
            }
            out.flush();
            if (slice.complete() || slice.scannedTo() == cursor) {
                break;
            }
            cursor = slice.scannedTo();
        }
        out.flush();
        return new Written(lines, last);
    }

    /** {@code PersonRegistered,BirthRegistered}: the simple names of event types. */
    public static Set<String> types(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> types = Arrays.stream(text.split(",")).map(String::strip).filter(type -> !type.isEmpty())
                                  .collect(Collectors.toUnmodifiableSet());
        types.stream().filter(type -> !type.matches("[A-Z][A-Za-z0-9]*")).findFirst().ifPresent(type -> {
            throw RejectionException.invalid("types", "VALIDATION_FAILED", "types are simple names of events, "
                    + "e.g. PersonRegistered,BirthRegistered; got '" + type + "'");
        });
        return types;
    }
}
