package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.problems;

/** Imports of a ledger of floating residents (api.md, "Imports", kinds of ledger), end to end on PostgreSQL. */
class ImportFloatingApiTest extends ImportScenario {

    static final String FLOATING = "户号,社区代码,住址,公民身份号码,姓名,性别,出生日期,与户主关系,来源地,居住起始日期,"
            + "迁入原因,婚育证明编号,婚育证明有效期";

    @Test
    void floatingResidentsComeInWithTheirOriginAndCertificateAndCanBeTakenBack() {
        String community = Registry.freshCounty() + "001001";
        String worker = id(LocalDate.of(1995, 9, 9), "MALE");
        String expiry = LocalDate.now().plusYears(1).toString();
        byte[] file = String.join("\n", FLOATING,
                String.join(",", "F1", community, "工业路1号", worker, "周工", "男", "1995-09-09", "户主",
                        "安徽省合肥市", "2024-03-01", "务工", "LD-001", expiry),                       // 2
                String.join(",", "F2", community, "工业路2号", id(LocalDate.of(1996, 1, 1), "FEMALE"), "吴工",
                        "女", "1996-01-01", "户主", "", "2024-03-01", "务工", "", ""),                // 3 no origin
                String.join(",", "F3", community, "工业路3号", id(LocalDate.of(1997, 1, 1), "FEMALE"), "郑工",
                        "女", "1997-01-01", "户主", "河南省", "2024-03-01", "务工", "LD-003", ""))     // 4 no expiry
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = post("clerk", "?kind=floating", file).expect(201).json();

        assertThat(report.path("kind").asText()).isEqualTo("floating");
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(1);
        Map<Integer, List<String>> problems = problems(report);
        assertThat(problems).containsOnlyKeys(3, 4);
        assertThat(problems.get(3)).containsExactly("VALIDATION_FAILED");
        String personId = jdbc.queryForObject("SELECT person_id FROM person_directory WHERE national_id = ?",
                String.class, worker);
        JsonNode person = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons/" + personId).expect(200).json(), it -> it.path("residency").isTextual());
        assertThat(person.path("residency").asText()).isEqualTo("FLOATING_IN");
        assertThat(person.path("origin").asText()).isEqualTo("安徽省合肥市");
        assertThat(person.path("residentSince").asText()).isEqualTo("2024-03-01");
        assertThat(person.path("certificate").path("number").asText()).isEqualTo("LD-001");
        assertThat(person.path("certificate").path("expiry").asText()).isEqualTo(expiry);
        JsonNode household = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/households/" + person.path("householdId").asText()).expect(200).json(),
                it -> it.path("kind").isTextual());
        assertThat(household.path("kind").asText()).as("a floating household when blank").isEqualTo("FLOATING");

        // importing it again records nothing: the resident is on the register
        JsonNode again = post("clerk", "?kind=floating", file).expect(201).json();
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(1);

        // the records an import of floating residents registered are theirs alone: it is taken back
        JsonNode reverted = api.as("clerk").post("/api/imports/" + report.path("importId").asText() + "/revert",
                Map.of("reason", "wrong file")).expect(200).json();
        assertThat(reverted.path("enteredInError").path("persons").asInt()).isEqualTo(1);
        assertThat(reverted.path("enteredInError").path("households").asInt()).isEqualTo(1);
    }
}
