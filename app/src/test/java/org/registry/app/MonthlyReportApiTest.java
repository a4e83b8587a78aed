package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report over HTTP: filed by the community, returned and approved by the township (never by the clerk who
 * filed), a returned report filed again as a new revision, its figures those of the dashboard when it was filed, and
 * the month's reports of a township with the on-time rate.
 */
class MonthlyReportApiTest extends CountyScenario {

    static final String OCTOBER = "2026-10";

    Api as(String user) {
        return Api.at(port).as(user);
    }

    long post(Api api, String path, Map<String, Object> body, int status) {
        return api.post(path, body).expect(status).eventPosition();
    }

    JsonNode read(Api api, String path, long position) {
        return api.header("X-Min-Event-Position", Long.toString(position)).get(path).expect(200).json();
    }

    @Test
    void filedReturnedFiledAgainAndApprovedByAnotherClerkOfTheLevelAbove() {
        String community = community("001", "001");
        String home = registry.household(community, day("2000-01-01"));
        registry.mother(home, "Zhao Hong", day("1990-03-03"), "Zhao Xiao", "MALE", day("2026-10-10"));
        String id = community + "-" + OCTOBER;
        JsonNode dashboard = registry.get(clerk, "/api/dashboards/indicators?areaCode=" + community
                + "&from=2026-10-01&to=2026-10-31");

        Api.Response filed = as("clerk").post("/api/reports", Map.of("areaCode", community, "month", OCTOBER))
                                        .expect(201);
        assertThat(filed.field("reportId")).isEqualTo(id);
        assertThat(filed.header("Location")).contains("/api/reports/" + id);
        JsonNode report = read(clerk, "/api/reports/" + id, filed.eventPosition());
        // today lies after 2 November: the filing is late
        assertThat(report.get("status").asText()).isEqualTo("LATE");
        assertThat(report.get("late").asBoolean()).isTrue();
        assertThat(report.get("dueOn").asText()).isEqualTo("2026-11-02");
        assertThat(report.get("revision").asInt()).isEqualTo(1);
        assertThat(report.get("filedBy").asText()).isEqualTo("clerk");
        assertThat(report.at("/figures/indicators/births/total").asLong()).isEqualTo(1);
        assertThat(KnownAtApiTest.withoutKnownAt(report.at("/figures/indicators")))
                .isEqualTo(KnownAtApiTest.withoutKnownAt(dashboard));
        assertThat(report.at("/figures/balance/births").asLong()).isEqualTo(1);
        assertThat(report.at("/figures/balance/closing").asLong()).isEqualTo(2);

        // filed once, it is not filed again until returned
        as("clerk").post("/api/reports", Map.of("areaCode", community, "month", OCTOBER)).expect(409);
        // four-eyes: the clerk who filed neither returns nor approves
        as("clerk").post("/api/reports/" + id + "/return", Map.of("note", "x")).expect(403);
        as("clerk").post("/api/reports/" + id + "/approval", Map.of()).expect(403);
        // a return gives its reason
        as("clerk2").post("/api/reports/" + id + "/return", Map.of()).expect(400);

        long returned = post(as("clerk2"), "/api/reports/" + id + "/return",
                Map.of("note", "the birth register shows two births"), 200);
        report = read(clerk, "/api/reports/" + id, returned);
        assertThat(report.get("status").asText()).isEqualTo("RETURNED");
        assertThat(report.at("/returned/reason").asText()).isEqualTo("the birth register shows two births");
        assertThat(report.at("/returned/returnedBy").asText()).isEqualTo("clerk2");
        as("clerk3").post("/api/reports/" + id + "/approval", Map.of()).expect(409);

        long refiled = post(as("clerk"), "/api/reports", Map.of("areaCode", community, "month", OCTOBER), 201);
        report = read(clerk, "/api/reports/" + id, refiled);
        assertThat(report.get("revision").asInt()).isEqualTo(2);
        assertThat(report.get("status").asText()).isEqualTo("LATE");

        long approved = post(as("clerk2"), "/api/reports/" + id + "/approval", Map.of(), 200);
        report = read(clerk, "/api/reports/" + id, approved);
        assertThat(report.get("status").asText()).isEqualTo("APPROVED");
        assertThat(report.get("approvedBy").asText()).isEqualTo("clerk2");
        assertThat(report.get("revision").asInt()).isEqualTo(2);

        // the township's month: its own report is due (overdue), the community's approved but late
        JsonNode month = read(clerk, "/api/reports?areaCode=" + county + "001&month=" + OCTOBER, approved);
        assertThat(month.get("dueOn").asText()).isEqualTo("2026-11-02");
        assertThat(month.get("reports")).hasSize(2);
        assertThat(month.at("/reports/0/areaCode").asText()).isEqualTo(county + "001");
        assertThat(month.at("/reports/0/status").asText()).isEqualTo("DUE");
        assertThat(month.at("/reports/0/overdue").asBoolean()).isTrue();
        assertThat(month.at("/reports/1/status").asText()).isEqualTo("APPROVED");
        assertThat(month.at("/reports/1/late").asBoolean()).isTrue();
        assertThat(month.at("/onTime/onTime").asLong()).isZero();
        assertThat(month.at("/onTime/expected").asLong()).isEqualTo(2);
        assertThat(month.at("/onTime/value").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aReportIsFiledInTheAreaAndDecidedOnlyByTheLevelAbove() {
        // the demo user "village" acts in community 330106001001 only
        String wensan = "330106001001";
        String id = wensan + "-2019-03";
        as("village").post("/api/reports", Map.of("areaCode", "330106001", "month", "2019-03")).expect(403);
        long filed = post(as("village"), "/api/reports", Map.of("areaCode", wensan, "month", "2019-03"), 201);
        assertThat(read(as("village"), "/api/reports/" + id, filed).get("filedBy").asText()).isEqualTo("village");
        as("village").post("/api/reports/" + id + "/approval", Map.of()).expect(403);
        as("village").get("/api/reports?areaCode=330106001&month=2019-03").expect(403);
        post(as("clerk"), "/api/reports/" + id + "/approval", Map.of(), 200);
        // the month is not over: nothing to file yet
        as("clerk").post("/api/reports", Map.of("areaCode", wensan, "month", "2199-01")).expect(422);
        as("clerk").post("/api/reports", Map.of("areaCode", "330106", "month", "2019-03")).expect(400);
        as("clerk").get("/api/reports/" + wensan + "-2019-04").expect(404);
    }
}
