package org.registry.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections of the registers, ledgers and dashboards are replay-safe: reset one (its reset handler clears
 * its tables, its token starts again from the first event), let it replay, and every answer is what it was,
 * including the answers as known at a past instant.
 */
class ProjectionReplayTest extends CountyScenario {

    @Autowired
    EventProcessingConfiguration processing;

    /** Every read built on the three projections, for the county, a township and a community. */
    Map<String, String> answers(List<String> areas, Instant knownAt) {
        Map<String, String> answers = new LinkedHashMap<>();
        String from = FiguresAgreeWithTheirListsTest.FROM.toString();
        String to = FiguresAgreeWithTheirListsTest.TO.toString();
        for (String area : areas) {
            String period = "areaCode=" + area + "&from=" + from + "&to=" + to;
            List<String> paths = new ArrayList<>(List.of(
                    "/api/dashboards/indicators?" + period,
                    "/api/dashboards/indicators?" + period + "&knownAt=" + knownAt,
                    "/api/dashboards/population-balance?" + period,
                    "/api/dashboards/population-balance?" + period + "&knownAt=" + knownAt,
                    "/api/ledgers/floating-population?areaCode=" + area + "&direction=IN&asOf=" + to + "&size=500",
                    "/api/ledgers/floating-population?areaCode=" + area + "&direction=OUT&from=" + from + "&to=" + to,
                    "/api/ledgers/check-ups?" + period + "&size=500",
                    "/api/ledgers/check-ups/follow-ups?areaCode=" + area + "&asOf=" + to,
                    "/api/ledgers/benefit-payments?" + period + "&size=500",
                    "/api/ledgers/benefit-claims?areaCode=" + area + "&size=500",
                    "/api/public-notices?areaCode=" + area));
            for (String figure : List.of("populationStart", "populationEnd", "births", "deaths", "movedIn",
                    "populationMovedOut", "households", "checkUpChecked", "benefitRecipients", "payments")) {
                paths.add("/api/dashboards/indicators/" + figure + "?" + period + "&size=500");
                paths.add("/api/dashboards/indicators/" + figure + "?" + period + "&size=500&knownAt=" + knownAt);
            }
            for (String path : paths) {
                answers.put(path, registry.get(clerk, path).toString());
            }
        }
        return answers;
    }

    void replay(String name) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                                                      .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long deadline = System.currentTimeMillis() + 60_000;
        // Until it has claimed its segment (not replaying before that either) and replayed everything.
        while (processor.processingStatus().isEmpty() || processor.isReplaying() || !processor.isRunning()) {
            assertThat(System.currentTimeMillis()).as(name + " replays within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void resettingAndReplayingEachProjectionGivesIdenticalAnswers() throws Exception {
        FiguresAgreeWithTheirListsTest.County county = new FiguresAgreeWithTheirListsTest.County(registry);
        county.build();
        // an instant in the middle of the county's history: the answers as known then must replay too
        Long middle = jdbc.queryForObject("SELECT MAX(global_index) - 40 FROM domain_event_entry", Long.class);
        Instant knownAt = Instant.parse(jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index = ?", String.class, middle));
        List<String> areas = List.of(county.code, county.code + "001", county.communities.get(2));
        Map<String, String> before = answers(areas, knownAt);
        Map<String, Long> rows = rows();

        for (String projection : List.of("residence-history", "checkup-ledger", "benefit-ledger")) {
            replay(projection);
            assertThat(answers(areas, knownAt)).as("after replaying " + projection).isEqualTo(before);
            assertThat(rows()).as("rows after replaying " + projection).isEqualTo(rows);
        }
    }

    /** The rows of every table, current and superseded: a replay writes the same history, no more, no less. */
    Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("residence_person", "residence_fact", "residence_place", "residence_place_history",
                "residence_segment", "residence_segment_history", "residence_tally", "checkup_record", "benefit_claim",
                "benefit_payment", "benefit_payment_tally", "benefit_person", "benefit_household")) {
            rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return rows;
    }
}
