package org.registry.command.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.eventstore.EventPositions;
import org.registry.platform.eventstore.LockConflicts;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.web.RequestIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends a command the way every HTTP command is sent, so each endpoint inherits the conventions of api.md:
 * audit metadata (actor, role, reason, request and correlation ids), {@code If-Match} (412 when the record moved
 * on), {@code Idempotency-Key} (a retry returns the first answer and records nothing), and an answer carrying
 * the record's id, its new version ({@code ETag}) and the position of the last stored event
 * ({@code X-Event-Position}).
 */
@Component
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String EVENT_POSITION = "X-Event-Position";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int LOCK_CONFLICT_ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final EventPositions positions;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    Commands(CommandGateway gateway, EventStore eventStore, EventPositions positions, IdempotencyStore idempotency,
             TransactionTemplate transaction, ObjectMapper json) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.positions = positions;
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.json = json;
    }

    /** A command that creates a record: {@code 201} with {@code Location}. */
    public ResponseEntity<Map<String, Object>> create(CommandTarget target, Object command, CommandRequest body,
                                                      URI location, HttpServletRequest request) {
        return send(new Call(target, command, body, HttpStatus.CREATED, location, value -> Map.of()), request);
    }

    /** A command on an existing record: {@code 200}. */
    public ResponseEntity<Map<String, Object>> update(CommandTarget target, Object command, CommandRequest body,
                                                      HttpServletRequest request) {
        return send(new Call(target, command, body, HttpStatus.OK, null, value -> Map.of()), request);
    }

    /**
     * The general form.
     *
     * @param answerFields adds fields the handler's return value carries (e.g. a derived birth order)
     */
    public record Call(CommandTarget target, Object command, CommandRequest body, HttpStatus status, URI location,
                       Function<Object, Map<String, Object>> answerFields) {
    }

    public ResponseEntity<Map<String, Object>> send(Call call, HttpServletRequest request) {
        RegistryUser user = CurrentUser.get();
        String key = idempotencyKey(request);
        MetaData metaData = metaData(user, call.body(), request);
        if (key == null) {
            return answer(call, dispatch(call, metaData)).response(false);
        }
        // The key is claimed, and answered, in the transaction that stores the command's events.
        return transaction.execute(status -> {
            String hash = hash(request, call.body());
            if (!idempotency.claim(user.name(), key, hash)) {
                return replay(user, key, hash);
            }
            Answer answer = answer(call, dispatch(call, metaData));
            idempotency.answer(user.name(), key, new IdempotencyStore.StoredAnswer(hash, answer.status(),
                    answer.location(), answer.version(), answer.position(), write(answer.body())));
            return answer.response(false);
        });
    }

    /**
     * What a command's caller is told: the status, where the record is, its version (null when the answer is not
     * about one record), the events' position.
     */
    private record Answer(int status, String location, Long version, long position, Map<String, Object> body) {

        ResponseEntity<Map<String, Object>> response(boolean replayed) {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                    .header(EVENT_POSITION, Long.toString(position));
            if (version != null) {
                builder.eTag(Long.toString(version));
            }
            if (location != null) {
                builder.location(URI.create(location));
            }
            if (replayed) {
                builder.header(REPLAYED, "true");
            }
            return builder.body(body);
        }
    }

    private Answer answer(Call call, CommandOutcome outcome) {
        Long version = outcome.versions().get(call.target().aggregateId());
        if (version == null) {
            throw new IllegalStateException("command " + call.command().getClass().getSimpleName()
                    + " stored no event on its target " + call.target().aggregateId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(call.target().idField(), call.target().id());
        body.putAll(call.answerFields().apply(outcome.value()));
        body.put("version", version);
        return new Answer(call.status().value(), call.location() == null ? null : call.location().toString(),
                version, positions.positionOf(outcome.eventIdentifiers()).orElse(-1), body);
    }

    /**
     * Runs work that is idempotent by itself (a payment run, which pays nobody twice) under the request's
     * {@code Idempotency-Key}: a retry with the key gets the first answer, the key with another body is refused.
     * Two requests racing with one key may both do the work (harmlessly); both get the answer stored first.
     *
     * @param work answers with the status, the body and the position of the last event it stored
     */
    public ResponseEntity<Map<String, Object>> once(CommandRequest body, HttpServletRequest request,
                                                    java.util.function.Supplier<ResponseEntity<Map<String, Object>>> work) {
        String key = idempotencyKey(request);
        // refused before any work, though each command of the work reads it again (and may never be sent)
        IfMatch.expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        if (key == null) {
            return work.get();
        }
        RegistryUser user = CurrentUser.get();
        String hash = hash(request, body);
        if (idempotency.find(user.name(), key).isPresent()) {
            return replay(user, key, hash);
        }
        ResponseEntity<Map<String, Object>> answer = work.get();
        long position = Long.parseLong(answer.getHeaders().getFirst(EVENT_POSITION));
        boolean first = idempotency.remember(user.name(), key, new IdempotencyStore.StoredAnswer(hash,
                answer.getStatusCode().value(), null, null, position, write(answer.getBody())));
        return first ? answer : replay(user, key, hash);
    }

    /**
     * Sends a command with the audit metadata of the request, for callers that answer in their own way (a payment
     * run sends one command per claim).
     */
    public CommandOutcome sendWithAudit(Object command, CommandRequest body, HttpServletRequest request) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                        .andMetaData(metaData(CurrentUser.get(), body, request)));
    }

    /**
     * Sends a command with the audit metadata of the request and more of the caller's own (an import's id, file
     * and hash), in the caller's transaction when it has one. Without a request (the command-line import) the
     * metadata is the caller's and the current user's only.
     */
    public CommandOutcome sendWithAudit(Object command, CommandRequest body, HttpServletRequest request,
                                        Map<String, ?> moreMetaData) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metaData(CurrentUser.get(), body, request).mergedWith(moreMetaData)));
    }

    /**
     * The global position of the last of the events the outcomes stored; when they stored none, the head of the
     * store (a read that waits for it sees everything the caller could have caused).
     */
    public long positionOf(Collection<CommandOutcome> outcomes) {
        List<String> events = outcomes.stream().flatMap(outcome -> outcome.eventIdentifiers().stream()).toList();
        return (events.isEmpty() ? positions.head() : positions.positionOf(events)).orElse(0);
    }

    private CommandOutcome dispatch(Call call, MetaData metaData) {
        requireExpectedVersion(call.target(), (Long) metaData.get(AuditMetaData.EXPECTED_VERSION));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(call.command()).andMetaData(metaData));
            } catch (AggregateNotFoundException e) {
                throw RejectionException.notFound(call.target().notFoundCode(),
                        "no record with id " + call.target().aggregateId());
            } catch (RuntimeException e) {
                // A command that lost a lock conflict stored nothing and is sent again, unless it runs inside a
                // caller's transaction, which the failure has doomed (the caller answers 409 then).
                if (!LockConflicts.isLockConflict(e) || attempt == LOCK_CONFLICT_ATTEMPTS
                        || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
            }
        }
    }

    /**
     * {@code If-Match} is a precondition: a record that moved on is answered 412 before the command's own rules
     * are asked (which might otherwise refuse it for a reason that no longer holds). Axon checks the version again
     * when the events are stored, which settles a write racing this one.
     */
    private void requireExpectedVersion(CommandTarget target, Long expected) {
        if (expected == null) {
            return;
        }
        Long actual = eventStore.lastSequenceNumberFor(target.aggregateId()).orElse(null);
        if (actual != null && !actual.equals(expected)) {
            throw new ConflictingAggregateVersionException(target.aggregateId(), expected, actual);
        }
    }

    private ResponseEntity<Map<String, Object>> replay(RegistryUser user, String key, String hash) {
        IdempotencyStore.StoredAnswer stored = idempotency.find(user.name(), key)
                .orElseThrow(() -> new IllegalStateException("idempotency record vanished: " + key));
        if (!stored.requestHash().equals(hash)) {
            throw RejectionException.unprocessable(IDEMPOTENCY_KEY, "IDEMPOTENCY_KEY_REUSED",
                    "the Idempotency-Key '" + key + "' was used before for a different request");
        }
        return new Answer(stored.status(), stored.location(), stored.version(), stored.eventPosition(),
                read(stored.body())).response(true);
    }

    private static MetaData metaData(RegistryUser user, CommandRequest body, HttpServletRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(AuditMetaData.ACTOR, user.name());
        values.put(AuditMetaData.ROLE, user.rolesText());
        String reason = body == null || body.auditReason() == null ? null : body.auditReason().strip();
        if (reason != null && !reason.isEmpty()) {
            values.put(AuditMetaData.REASON, reason);
        }
        if (request == null) {
            // no HTTP request (the command-line import): the caller's own metadata says what the command belongs to
            return MetaData.from(values);
        }
        values.put(AuditMetaData.REQUEST_ID, RequestIds.requestId(request));
        values.put(AuditMetaData.CORRELATION_ID, RequestIds.correlationId(request));
        Long expected = IfMatch.expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        if (expected != null) {
            values.put(AuditMetaData.EXPECTED_VERSION, expected);
        }
        return MetaData.from(values);
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw RejectionException.invalid(IDEMPOTENCY_KEY, "VALIDATION_FAILED",
                    "an Idempotency-Key has 1 to 200 characters");
        }
        return key;
    }

    /** Method, path and the parsed body: a retry that re-serializes the same body still matches. */
    private String hash(HttpServletRequest request, CommandRequest body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(write(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
