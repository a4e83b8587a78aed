package org.registry.query.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.Text;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Duration;
import java.util.Set;

/** {@code GET /api/events}: the analysts' export of the event store, see {@link EventExport}. */
@RestController
@Tag(name = "Event export")
class EventExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final ObjectProvider<StoredEvents> store;
    private final PersonalDataMasking masking;
    private final Duration gapTimeout;

    EventExportController(ObjectProvider<StoredEvents> store, PersonalDataMasking masking,
                          @Value("${registry.export.gap-timeout:10s}") Duration gapTimeout) {
        this.store = store;
        this.masking = masking;
        this.gapTimeout = gapTimeout;
    }

    @GetMapping("/api/events")
    @Operation(summary = "Stored events after a position as newline-delimited JSON, upcasted, with metadata; personal "
            + "data masked for analysts. Resume with after = the last line's position (limit: default 1000, at most "
            + "100000)")
    ResponseEntity<StreamingResponseBody> events(@RequestParam(required = false) Long after,
                                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
                                                 String types,
                                                 @RequestParam(required = false) Integer limit) {
        long from = after == null ? 0 : after;
        if (from < 0) {
            throw RejectionException.invalid("after", "VALIDATION_FAILED", "after is a position, 0 or more");
        }
        int lines = limit == null ? EventExport.DEFAULT_LIMIT : limit;
        if (lines < 1 || lines > EventExport.MAX_LIMIT) {
            throw RejectionException.invalid("limit", "VALIDATION_FAILED",
                    "limit is from 1 to " + EventExport.MAX_LIMIT);
        }
        Set<String> wanted = EventExport.types(types);
        StoredEvents events = store.getIfAvailable();
        if (events == null) {
            throw RejectionException.conflict("EVENT_STORE_NOT_IN_DATABASE", "the export reads the database event "
                    + "store; with Axon Server storing the events, use Axon Server's own tools");
        }
        // Decided here, on the request's thread: the body is written on another.
        boolean mask = PersonalDataMasking.masksFor(CurrentUser.get());
        EventExport export = new EventExport(events, masking, gapTimeout);
        StreamingResponseBody body = out -> export.write(out, from, wanted, lines, mask);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
