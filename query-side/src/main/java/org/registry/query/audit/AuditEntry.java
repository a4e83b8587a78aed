package org.registry.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of the audit trail: what was recorded, about which record, when it happened (its business date) and
 * when it was recorded, who recorded it in which role, why, and at which request.
 *
 * @param position      the global position in the event store
 * @param sequence      the position in the record's own history (its version after this event)
 * @param type          the event, e.g. {@code PersonRegistered}
 * @param occurredOn    the day the fact happened, where it has a day of its own (see {@code BusinessDates})
 * @param recordedAt    the instant it was recorded
 * @param reason        why, as the clerk wrote it: free text, masked with the payload's personal data
 * @param correlationId the request the change began with; {@code requestId} the request that recorded it
 * @param importId      the import that recorded it, for a fact an import of a ledger recorded
 * @param recordType    {@code Person} or {@code Household}
 * @param payload       the event as of its current revision, personal data masked for readers who may not see it
 */
public record AuditEntry(long position,
                         long sequence,
                         String type,
                         LocalDate occurredOn,
                         Instant recordedAt,
                         String actor,
                         String role,
                         String reason,
                         String correlationId,
                         String requestId,
                         String importId,
                         String recordType,
                         String recordId,
                         JsonNode payload) {
}
