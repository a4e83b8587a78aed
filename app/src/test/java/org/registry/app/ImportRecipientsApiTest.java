package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.line;
import static org.registry.app.ImportApiTest.problems;

/** Imports of benefit recipients granted before the register (api.md, "Imports", kinds of ledger), on PostgreSQL. */
class ImportRecipientsApiTest extends ImportScenario {

    static final String RECIPIENTS = "公民身份号码,项目,享受起始日期,依据,备注";
    private static final ZoneId OFFICES = ZoneId.of("Asia/Shanghai");

    /** Women on the register, imported from a persons ledger, each in a household of her own: their national IDs. */
    String[] women(String community, LocalDate... born) {
        String[] ids = new String[born.length];
        StringBuilder persons = new StringBuilder(ImportApiTest.HEADER);
        for (int i = 0; i < born.length; i++) {
            ids[i] = id(born[i], "FEMALE");
            persons.append('\n').append(line("R" + ids[i], community, ids[i], "女" + i, "女", born[i].toString(),
                    "户主"));
        }
        JsonNode report = post("clerk", "", persons.toString().getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(born.length);
        return ids;
    }

    /** A child of the mother, imported from a births ledger. */
    void child(String mother, LocalDate born) {
        JsonNode report = post("clerk", "", String.join("\n", ImportBirthsApiTest.BIRTHS,
                String.join(",", mother, "孩子", "男", born.toString(), "", "")).getBytes(StandardCharsets.UTF_8))
                .expect(201).json();
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(1);
    }

    String personId(String nationalId) {
        return jdbc.queryForObject("SELECT person_id FROM person_directory WHERE national_id = ?", String.class,
                nationalId);
    }

    JsonNode claimsOf(String nationalId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons/" + personId(nationalId)).expect(200).json().path("claims"), it -> it.size() == 1);
    }

    @Test
    void recipientsAreGrantedWhenEligibleOnTheImportDayMatchedWhenImportedAgainAndPaidFromTheImportsMonth() {
        String community = Registry.freshCounty() + "001001";
        String[] women = women(community, LocalDate.of(1990, 3, 3), LocalDate.of(1991, 4, 4),
                LocalDate.of(1992, 5, 5));
        String awarded = women[0];
        String twoChildren = women[1];
        String noneYet = women[2];
        child(awarded, LocalDate.of(2018, 3, 3));
        child(twoChildren, LocalDate.of(2016, 1, 1));
        child(twoChildren, LocalDate.of(2019, 1, 1));
        LocalDate today = LocalDate.now(OFFICES);
        byte[] file = String.join("\r\n", RECIPIENTS,
                String.join(",", awarded, "独生子女父母奖励", "2019-01-01", "县卫健发〔2019〕1号", "原台账"), // 2 granted
                String.join(",", twoChildren, "独生子女父母奖励", "2020-01-01", "", ""),       // 3 two children
                String.join(",", id(LocalDate.of(1989, 1, 1), "FEMALE"), "独生子女父母奖励", "2020-01-01", "",
                        ""),                                                                     // 4 nobody
                String.join(",", awarded, "ONLY_CHILD_PARENT_AWARD", "2019-01-01", "", ""),      // 5 twice in file
                String.join(",", noneYet, "独生子女父母奖励", today.plusDays(1).toString(), "", ""), // 6 to come
                String.join(",", noneYet, "奖励", "2020-01-01", "", ""))                          // 7 no programme
                .getBytes(Charset.forName("GBK"));
        long before = events();

        JsonNode dry = post("clerk", "?dryRun=true&fileName=recipients.csv", file).expect(201).json();

        assertThat(events()).as("a dry run records no event").isEqualTo(before);
        assertThat(dry.path("kind").asText()).as("found from the headers").isEqualTo("recipients");
        assertThat(dry.path("counts").path("valid").asInt()).isEqualTo(1);
        Map<Integer, List<String>> problems = problems(dry);
        assertThat(problems).containsOnly(Map.entry(3, List.of("NOT_ELIGIBLE")),
                Map.entry(4, List.of("PERSON_NOT_FOUND")), Map.entry(5, List.of("DUPLICATE_IN_FILE")),
                Map.entry(6, List.of("DATE_IN_FUTURE")), Map.entry(7, List.of("VALIDATION_FAILED")));
        assertThat(dry.path("rows").path("items").findValuesAsText("message"))
                .anyMatch(message -> message.contains("2 child(ren)"));

        JsonNode real = post("clerk", "?fileName=recipients.csv", file).expect(201).json();

        assertThat(real.path("counts").path("registered").asInt()).isEqualTo(1);
        assertThat(problems(real)).isEqualTo(problems);
        String importId = real.path("importId").asText();
        JsonNode claim = claimsOf(awarded).get(0);
        assertThat(claim.path("programme").asText()).isEqualTo("ONLY_CHILD_PARENT_AWARD");
        assertThat(claim.path("status").asText()).isEqualTo("GRANTED");
        assertThat(claim.path("grantedOn").asText()).isEqualTo("2019-01-01");
        List<String> grant = jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%BenefitGrantImported'", String.class, personId(awarded));
        assertThat(grant).singleElement().asString().contains("\"importId\":\"" + importId + "\"")
                         .contains("\"importFile\":\"recipients.csv\"");

        // importing the file again records nothing: the recipient holds a granted claim of the programme
        long events = events();
        JsonNode again = post("clerk", "", file).expect(201).json();
        assertThat(events()).isEqualTo(events);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(again.path("counts").path("registered").asInt()).isZero();
        assertProblem(api.as("clerk").post("/api/imports/" + importId + "/revert",
                Map.of("reason", "wrong file")).expect(409), "IMPORT_REVERT_UNSUPPORTED");

        // the register pays it from the import's month; the office's books paid the months before
        String thisMonth = YearMonth.now(OFFICES).toString();
        JsonNode lastMonth = api.as("clerk").post("/api/benefit-payment-runs", Map.of("programme",
                "ONLY_CHILD_PARENT_AWARD", "period", YearMonth.now(OFFICES).minusMonths(1).toString(), "areaCode",
                community)).expect(200).json();
        JsonNode paid = api.as("clerk").post("/api/benefit-payment-runs", Map.of("programme",
                "ONLY_CHILD_PARENT_AWARD", "period", thisMonth, "areaCode", community)).expect(200).json();
        assertThat(lastMonth.path("claims").asInt()).isEqualTo(1);
        assertThat(lastMonth.path("paid").asInt()).isZero();
        assertThat(lastMonth.at("/notDue/byReason/BEFORE_REGISTER").asInt()).isEqualTo(1);
        assertThat(paid.path("paid").asInt()).isEqualTo(1);
    }

    @Test
    void anXlsxSheetNamedForTheRecipientsImportsWithBothHeaderRowsAndADateCell() throws Exception {
        String community = Registry.freshCounty() + "001002";
        String mother = women(community, LocalDate.of(1993, 6, 6))[0];
        child(mother, LocalDate.of(2020, 2, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("奖励扶助对象");
        String[][] headers = {{"公民身份号码", "项目", "享受起始日期", "依据"},
                {"nationalId", "programme", "grantedOn", "basis"}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < headers[r].length; c++) {
                sheet.value(r, c, headers[r][c]);
            }
        }
        sheet.value(2, 0, mother);
        sheet.value(2, 1, "独生子女父母奖励");
        sheet.value(2, 2, LocalDate.of(2021, 7, 1));
        sheet.style(2, 2).format("yyyy-mm-dd").set();
        sheet.value(2, 3, "乡政府批复");
        workbook.finish();

        JsonNode report = post("clerk", "?fileName=recipients.xlsx", XLSX, out.toByteArray()).expect(201).json();

        assertThat(report.path("kind").asText()).isEqualTo("recipients");
        assertThat(report.path("totalRows").asInt()).as("the English header row is no recipient").isEqualTo(1);
        assertThat(problems(report)).isEmpty();
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(1);
        assertThat(claimsOf(mother).get(0).path("grantedOn").asText()).isEqualTo("2021-07-01");
    }
}
