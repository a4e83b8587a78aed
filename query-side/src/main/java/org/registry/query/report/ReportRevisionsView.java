package org.registry.query.report;

import org.registry.kernel.common.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What changed in a filed report's figures since it was filed ({@code GET /api/reports/{id}/revisions}, 月月清): every
 * figure whose value now differs from the filed one, with the records that entered or left it since.
 *
 * @param knownAt the instant the filed figures are as known at (the filing of the current revision)
 */
public record ReportRevisionsView(String reportId,
                                  int revision,
                                  Instant filedAt,
                                  Instant knownAt,
                                  List<FigureRevision> figures) {

    /**
     * One figure that changed.
     *
     * @param figure  its path in the report's figures, e.g. {@code indicators.births.total}, {@code balance.closing}
     * @param entered the records in its list now that were not when it was filed; null for a figure without a list
     *                (a rate, a mean, an amount by programme)
     * @param left    the records in its list when it was filed that are not now; null likewise
     */
    public record FigureRevision(String figure, String label, Object filed, Object now,
                                 List<RevisedRecord> entered, List<RevisedRecord> left) {
    }

    /**
     * A record that entered or left a figure, with the facts recorded on it (or on its household) since filing.
     *
     * @param recordType {@code Person} or {@code Household}
     * @param name       the person's name, or the household's address
     */
    public record RevisedRecord(String recordType, UUID recordId, @PersonalData String name, List<Fact> facts) {
    }

    /**
     * A fact recorded after filing, as the audit trail shows it.
     *
     * @param occurredOn the day it happened (null for a fact without one); {@code recordedAt} when it was recorded
     * @param recordType the stream it was recorded on, {@code Person} or {@code Household}, and its id
     */
    public record Fact(String type, LocalDate occurredOn, Instant recordedAt, String actor, String role,
                       @PersonalData String reason, String recordType, String recordId) {
    }
}
