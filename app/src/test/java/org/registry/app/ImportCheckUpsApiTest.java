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
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.line;
import static org.registry.app.ImportApiTest.problems;

/** Imports of this year's check-ups (api.md, "Imports", kinds of ledger), end to end on PostgreSQL. */
class ImportCheckUpsApiTest extends ImportScenario {

    static final String CHECK_UPS = "公民身份号码,检查类型,检查日期,检查机构,检查结果,风险评估,备注";

    @Test
    void thisYearsCheckUpsAreRecordedByTheCheckUpRulesAndMatchedWhenImportedAgain() {
        String community = Registry.freshCounty() + "001001";
        String woman = id(LocalDate.of(1992, 5, 5), "FEMALE");
        String man = id(LocalDate.of(1990, 5, 5), "MALE");
        JsonNode persons = post("clerk", "", String.join("\n", ImportApiTest.HEADER,
                line("C" + woman, community, man, "赵男", "男", "1990-05-05", "户主"),
                line("C" + woman, community, woman, "钱女", "女", "1992-05-05", "配偶"))
                .getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(persons.path("counts").path("registered").asInt()).isEqualTo(2);
        LocalDate today = LocalDate.now();
        String day = today.withDayOfMonth(1).toString();
        String lastYear = today.minusYears(1).toString();
        byte[] file = String.join("\n", CHECK_UPS,
                String.join(",", woman, "生殖健康检查", day, "妇幼保健院", "正常", "", ""),          // 2 recorded
                String.join(",", woman, "孕前优生健康检查", day, "妇幼保健院", "高风险", "高风险", "复查"), // 3 recorded
                String.join(",", man, "产后访视", day, "妇幼保健院", "正常", "", ""),               // 4 women only
                String.join(",", woman, "生殖健康检查", lastYear, "妇幼保健院", "正常", "", ""),      // 5 last year
                String.join(",", woman, "孕前检查", day, "妇幼保健院", "正常", "", ""),             // 6 no risk level
                String.join(",", id(LocalDate.of(1993, 1, 1), "FEMALE"), "生殖健康检查", day, "医院", "正常",
                        "", ""),                                                                    // 7 nobody
                String.join(",", woman, "REPRODUCTIVE_HEALTH", day, "医院", "NORMAL", "", ""))      // 8 twice
                .getBytes(StandardCharsets.UTF_8);
        long before = events();

        JsonNode dry = post("clerk", "?dryRun=true", file).expect(201).json();

        assertThat(events()).as("a dry run records no event").isEqualTo(before);
        assertThat(dry.path("kind").asText()).isEqualTo("check-ups");
        assertThat(dry.path("counts").path("valid").asInt()).isEqualTo(2);
        Map<Integer, List<String>> problems = problems(dry);
        assertThat(problems).containsOnly(Map.entry(4, List.of("CHECK_UP_NOT_APPLICABLE")),
                Map.entry(5, List.of("CHECK_UP_NOT_THIS_YEAR")), Map.entry(6, List.of("VALIDATION_FAILED")),
                Map.entry(7, List.of("PERSON_NOT_FOUND")), Map.entry(8, List.of("DUPLICATE_IN_FILE")));
        assertThat(dry.path("rows").path("items").findValuesAsText("column")).contains("检查类型 checkUpType",
                "检查日期 checkUpDate", "风险评估 riskLevel", "公民身份号码 nationalId");

        JsonNode real = post("clerk", "?kind=check-ups", file).expect(201).json();

        assertThat(real.path("counts").path("registered").asInt()).isEqualTo(2);
        assertThat(problems(real)).isEqualTo(problems);
        String personId = jdbc.queryForObject("SELECT person_id FROM person_directory WHERE national_id = ?",
                String.class, woman);
        JsonNode checkUps = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons/" + personId).expect(200).json().path("checkUps"), it -> it.size() == 2);
        assertThat(checkUps.findValuesAsText("type")).containsExactlyInAnyOrder("REPRODUCTIVE_HEALTH",
                "PRE_PREGNANCY");
        JsonNode prePregnancy = checkUps.get(checkUps.get(0).path("type").asText().equals("PRE_PREGNANCY") ? 0 : 1);
        assertThat(prePregnancy.path("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(prePregnancy.path("followUpDue").asText()).as("the configured period after a high risk")
                .isNotBlank();

        // importing the file again records nothing: its check-ups are on the person's record
        long events = events();
        JsonNode again = post("clerk", "", file).expect(201).json();
        assertThat(events()).isEqualTo(events);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(2);
        assertThat(again.path("counts").path("registered").asInt()).isZero();
        assertProblem(api.as("clerk").post("/api/imports/" + real.path("importId").asText() + "/revert",
                Map.of("reason", "wrong file")).expect(409), "IMPORT_REVERT_UNSUPPORTED");
    }

    @Test
    void aCheckUpRecordedOverHttpIsMatchedAndAPersonOutsideTheClerksAreaRefused() {
        String community = Registry.freshCounty() + "001002";
        String woman = id(LocalDate.of(1994, 6, 6), "FEMALE");
        post("clerk", "", String.join("\n", ImportApiTest.HEADER,
                line("D" + woman, community, woman, "孙女", "女", "1994-06-06", "户主"))
                .getBytes(StandardCharsets.UTF_8)).expect(201);
        String personId = jdbc.queryForObject("SELECT person_id FROM person_directory WHERE national_id = ?",
                String.class, woman);
        String day = LocalDate.now().withDayOfMonth(1).toString();
        api.as("clerk").post("/api/persons/" + personId + "/check-ups", Map.of("type", "REPRODUCTIVE_HEALTH",
                "date", day, "facility", "卫生院", "result", "NORMAL")).expect(201);
        byte[] file = String.join("\n", CHECK_UPS, String.join(",", woman, "生殖健康检查", day, "卫生院", "正常", "", ""))
                            .getBytes(StandardCharsets.UTF_8);

        JsonNode report = post("clerk", "", file).expect(201).json();
        JsonNode village = post("village", "", file).expect(201).json();

        assertThat(report.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(problems(village)).containsExactly(Map.entry(2, List.of("OUTSIDE_AREA_SCOPE")));
    }
}
