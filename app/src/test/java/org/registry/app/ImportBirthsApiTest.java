package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
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

/** Imports of a births ledger (api.md, "Imports", kinds of ledger), end to end on PostgreSQL. */
class ImportBirthsApiTest extends ImportScenario {

    static final String BIRTHS = "母亲公民身份号码,姓名,性别,出生日期,公民身份号码,父亲公民身份号码";

    /** A couple on the register, imported from a persons ledger: the mother's and the father's national IDs. */
    String[] couple(String community) {
        String mother = id(LocalDate.of(1990, 4, 2), "FEMALE");
        String father = id(LocalDate.of(1988, 7, 9), "MALE");
        String persons = String.join("\n", ImportApiTest.HEADER,
                line("B" + mother, community, father, "王父", "男", "1988-07-09", "户主"),
                line("B" + mother, community, mother, "李母", "女", "1990-04-02", "配偶"));
        JsonNode report = post("clerk", "", CSV, persons.getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(report.path("kind").asText()).isEqualTo("persons");
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(2);
        return new String[]{mother, father};
    }

    String personId(String nationalId) {
        return jdbc.queryForObject("SELECT person_id FROM person_directory WHERE national_id = ?", String.class,
                nationalId);
    }

    @Test
    void birthsAreRecordedAsTheBirthCommandRecordsThemWithTheBirthOrderDerived() {
        String community = Registry.freshCounty() + "001001";
        String[] couple = couple(community);
        String mother = couple[0];
        String father = couple[1];
        String first = id(LocalDate.of(2015, 3, 1), "MALE");
        String stranger = id(LocalDate.of(1991, 1, 1), "FEMALE");
        String csv = String.join("\n", BIRTHS,
                String.join(",", mother, "王一", "男", "2015-03-01", first, father),         // 2 first child
                String.join(",", mother, "王二", "女", "2019/6/1", "", ""),                   // 3 second, no ID
                String.join(",", stranger, "某甲", "女", "2019-06-01", "", ""),              // 4 mother unknown
                String.join(",", mother, "王三", "男", "2020-01-01",
                        id(LocalDate.of(2020, 1, 1), "FEMALE"), ""),                          // 5 ID of a girl
                String.join(",", mother, "王四", "男", "1989-01-01", "", ""),                 // 6 before the mother
                String.join(",", mother, "", "男", "2021-01-01", "", ""),                     // 7 no name
                String.join(",", mother, "王五", "男", "2021-01-01", first, ""));            // 8 ID twice in file
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        long before = events();

        JsonNode dry = post("clerk", "?dryRun=true", CSV, file).expect(201).json();

        assertThat(events()).as("a dry run records no event").isEqualTo(before);
        assertThat(dry.path("kind").asText()).as("found from the headers").isEqualTo("births");
        assertThat(dry.path("counts").path("valid").asInt()).isEqualTo(2);
        Map<Integer, List<String>> problems = problems(dry);
        assertThat(problems).containsOnlyKeys(4, 5, 6, 7, 8);
        assertThat(problems.get(4)).containsExactly("MOTHER_NOT_FOUND");
        assertThat(problems.get(5)).containsExactly("NATIONAL_ID_SEX_MISMATCH");
        assertThat(problems.get(7)).containsExactly("VALIDATION_FAILED");
        assertThat(problems.get(8)).containsExactly("DUPLICATE_IN_FILE");
        assertThat(dry.path("rows").path("items").findValuesAsText("column")).contains(
                "母亲公民身份号码 motherNationalId", "公民身份号码 nationalId", "姓名 name");

        JsonNode real = post("clerk", "?kind=births&reason=" + "ledger", CSV, file).expect(201).json();

        assertThat(real.path("counts").path("registered").asInt()).isEqualTo(2);
        assertThat(problems(real)).isEqualTo(problems);
        String motherId = personId(mother);
        JsonNode children = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons?nationalId=" + first).expect(200).json().path("items"), items -> items.size() == 1);
        JsonNode firstChild = api.as("clerk").get("/api/persons/" + children.get(0).path("personId").asText())
                                 .expect(200).json();
        assertThat(firstChild.path("motherId").asText()).isEqualTo(motherId);
        assertThat(firstChild.path("fatherId").asText()).isEqualTo(personId(father));
        assertThat(firstChild.path("birthOrder").asInt()).isEqualTo(1);
        assertThat(firstChild.path("relationToHead").asText()).isEqualTo("CHILD");
        String household = jdbc.queryForObject("SELECT household_id FROM person_directory WHERE national_id = ?",
                String.class, mother);
        assertThat(firstChild.path("householdId").asText()).as("the mother's household").isEqualTo(household);
        String second = jdbc.queryForObject("SELECT person_id FROM person_directory WHERE mother_id = ?::uuid "
                + "AND birth_date = '2019-06-01'", String.class, motherId);
        JsonNode secondChild = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons/" + second).expect(200).json(), it -> it.path("birthOrder").asInt() > 0);
        assertThat(secondChild.path("birthOrder").asInt()).isEqualTo(2);
        assertThat(secondChild.path("nationalId").isNull() || secondChild.path("nationalId").isMissingNode()).isTrue();
        assertThat(jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, second)).isNotEmpty().allSatisfy(json -> assertThat(json)
                .contains("\"importId\":\"" + real.path("importId").asText() + "\""));

        // importing the file again records nothing: the children are matched, with or without their IDs
        long events = events();
        JsonNode again = post("clerk", "", CSV, file).expect(201).json();
        assertThat(events()).isEqualTo(events);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(2);
        assertThat(again.path("counts").path("registered").asInt()).isZero();

        // a birth is a fact on the mother's record too: an import of births is not taken back
        assertProblem(api.as("clerk").post("/api/imports/" + real.path("importId").asText() + "/revert",
                Map.of("reason", "wrong file")).expect(409), "IMPORT_REVERT_UNSUPPORTED");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void twinsOfOneSexWithoutIdsAreTwoBirthsAndStayTwoWhenImportedAgain() {
        String community = Registry.freshCounty() + "001002";
        String mother = couple(community)[0];
        byte[] file = String.join("\n", BIRTHS,
                String.join(",", mother, "双一", "女", "2021-08-08", "", ""),
                String.join(",", mother, "双二", "女", "2021-08-08", "", "")).getBytes(StandardCharsets.UTF_8);

        // a dry run says what the import will do: two births, the second twin not taken for the first
        JsonNode dry = post("clerk", "?dryRun=true", CSV, file).expect(201).json();
        assertThat(dry.path("counts").path("valid").asInt()).as("%s", dry).isEqualTo(2);
        assertThat(dry.path("counts").path("matched").asInt()).isZero();
        JsonNode first = post("clerk", "", CSV, file).expect(201).json();
        JsonNode again = post("clerk", "", CSV, file).expect(201).json();

        assertThat(first.path("counts").path("registered").asInt()).isEqualTo(2);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(2);
        JsonNode rows = api.as("clerk").get("/api/imports/" + again.path("importId").asText() + "?outcome=MATCHED")
                           .expect(200).json().path("rows").path("items");
        assertThat(rows.findValuesAsText("personId")).doesNotHaveDuplicates().hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_directory WHERE mother_id = ?::uuid",
                Integer.class, personId(mother))).isEqualTo(2);
    }

    @Test
    void aMotherOutsideTheClerksAreaIsRefusedForThatRow() {
        String outside = Registry.freshCounty() + "001001";
        String mother = couple(outside)[0];
        byte[] file = String.join("\n", BIRTHS, String.join(",", mother, "外一", "男", "2020-02-02", "", ""))
                            .getBytes(StandardCharsets.UTF_8);

        JsonNode report = post("village", "", CSV, file).expect(201).json();

        assertThat(problems(report)).containsExactly(Map.entry(2, List.of("OUTSIDE_AREA_SCOPE")));
    }

    @Test
    void anXlsxWorkbookImportsTheSheetOfTheKindAskedFor() throws Exception {
        String community = Registry.freshCounty() + "001003";
        String mother = couple(community)[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet persons = workbook.newWorksheet("人员 persons");
        persons.value(0, 0, "户号");
        Worksheet births = workbook.newWorksheet("出生 births");
        String[][] rows = {{"母亲公民身份号码*", "姓名*", "性别*", "出生日期*"},
                {"motherNationalId", "name", "sex", "birthDate"}, {mother, "表一", "男", "2022-02-22"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                births.value(r, c, rows[r][c]);
            }
        }
        workbook.finish();

        JsonNode report = post("clerk", "?kind=births", XLSX, out.toByteArray()).expect(201).json();

        assertThat(report.path("kind").asText()).isEqualTo("births");
        assertThat(report.path("totalRows").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(1);
        // the first sheet, the persons', lacks its columns: the kind asked for decides which sheet is read
        assertProblem(post("clerk", "", XLSX, out.toByteArray()).expect(400), "IMPORT_COLUMNS_MISSING");
    }

    @Test
    void aKindTheRegisterDoesNotKnowOrAFileWithoutItsColumnsIsRefused() {
        byte[] persons = ImportApiTest.HEADER.getBytes(StandardCharsets.UTF_8);
        assertProblem(post("clerk", "?kind=deaths", CSV, persons).expect(400), "VALIDATION_FAILED");
        assertProblem(post("clerk", "?kind=births", CSV, persons).expect(400), "IMPORT_COLUMNS_MISSING");
    }
}
