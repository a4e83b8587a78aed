package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;

/** Imports of an office's ledgers (api.md, "Imports"), end to end on PostgreSQL. */
class ImportApiTest extends ImportScenario {

    static final String HEADER = "户号,社区代码,住址,户别,公民身份号码,姓名,性别,出生日期,民族,婚姻状况,与户主关系,"
            + "居住状况,居住起始日期,来源地";

    static String id(LocalDate born, String sex) {
        return Registry.nationalId(born, sex);
    }

    /** A CSV line of the HEADER's columns. */
    static String line(String household, String community, String nationalId, String name, String sex, String born,
                       String relation) {
        return String.join(",", household, community, "文三路" + household + "号", "户籍户", nationalId, name, sex,
                born, "汉族", "已婚", relation, "常住", "", "");
    }

    /** A CSV line of the HEADER's columns, of a resident here since {@code since}, come from {@code origin}. */
    static String line(String household, String community, String nationalId, String name, String sex, String born,
                       String relation, String since, String origin) {
        return String.join(",", household, community, "文三路" + household + "号", "户籍户", nationalId, name, sex,
                born, "汉族", "已婚", relation, "常住", since, origin);
    }

    /** The problems of each rejected row, as row number to its codes. */
    static Map<Integer, List<String>> problems(JsonNode report) {
        Map<Integer, List<String>> problems = new HashMap<>();
        for (JsonNode row : report.path("rows").path("items")) {
            List<String> codes = new ArrayList<>();
            row.path("problems").forEach(problem -> codes.add(problem.path("code").asText()));
            problems.put(row.path("row").asInt(), codes);
        }
        return problems;
    }

    /** The problems of consecutive rows from {@code firstRow} on, one code a row. */
    static Map<Integer, List<String>> oneProblemEach(int firstRow, String... codes) {
        Map<Integer, List<String>> problems = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            problems.put(firstRow + i, List.of(codes[i]));
        }
        return problems;
    }

    @Test
    void aDryRunStoresNothingAndReportsEveryBadRowWithItsColumnAndCode() {
        String county = Registry.freshCounty();
        String community = county + "001001";
        LocalDate born = LocalDate.of(1980, 3, 1);
        String good = id(born, "MALE");
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String shared = id(born, "FEMALE");
        String floatingId = id(born, "FEMALE");
        String future = id(LocalDate.now().plusYears(1).withDayOfMonth(1), "MALE");
        String csv = String.join("\n", HEADER,
                line("1", community, good, "张一", "男", "1980-03-01", "户主"),                      // 2 valid
                line("1", community, shared, "李一", "女", "1980/3/1", "配偶"),                     // 3 valid
                line("2", community, wrongCheck, "王二", "男", "1980-03-01", "户主"),                // 4 checksum
                line("3", community, id(born, "MALE"), "赵三", "女", "1980-03-01", "户主"),          // 5 sex mismatch
                line("4", community, id(born, "MALE"), "钱四", "男", "1980-03-02", "户主"),          // 6 birth date
                line("5", community, id(born, "MALE"), "孙五", "未知", "1980-03-01", "户主"),        // 7 unknown sex
                line("6", community, id(born, "MALE"), "", "男", "1980-03-01", "户主"),             // 8 no name
                line("7", community, id(born, "MALE"), "周七", "男", "1980-13-01", "户主"),         // 9 bad date
                line("8", county + "000001", id(born, "MALE"), "吴八", "男", "1980-03-01", "户主"), // 10 bad code
                line("9", community, shared, "郑九", "女", "1980-03-01", "户主"),                   // 11 twice in file
                line("1", community, id(born, "MALE"), "冯十", "男", "1980-03-01", "户主"),         // 12 second head
                line("10", community, future, "陈十一", "男", future.substring(6, 10) + "-"
                        + future.substring(10, 12) + "-01", "户主"),                                // 13 born in future
                String.join(",", "11", community, "x", "流动人口户", floatingId, "褚十二", "女", "1980-03-01", "", "",
                        "户主", "流入", "2020-01-01", ""),                                           // 14 no origin
                line("12", community, id(born, "MALE"), "卫十三", "男", "1980-03-01", "兄弟"));      // 15 relation
        long before = events();

        JsonNode report = post("clerk", "?dryRun=true&fileName=ledger.csv", CSV, csv.getBytes(StandardCharsets.UTF_8))
                .expect(201).json();

        assertThat(events()).as("a dry run records no event").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_household WHERE community_code = ?",
                Integer.class, community)).isZero();
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("status").asText()).isEqualTo("DONE");
        assertThat(report.path("totalRows").asInt()).isEqualTo(14);
        assertThat(report.path("counts").path("valid").asInt()).isEqualTo(2);
        assertThat(report.path("counts").path("rejected").asInt()).isEqualTo(12);
        Map<Integer, List<String>> problems = problems(report);
        assertThat(problems).isEqualTo(oneProblemEach(4, "NATIONAL_ID_CHECKSUM", "NATIONAL_ID_SEX_MISMATCH",
                "NATIONAL_ID_BIRTH_DATE_MISMATCH", "VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED",
                "COMMUNITY_CODE_INVALID", "DUPLICATE_IN_FILE", "HOUSEHOLD_HAS_HEAD", "DATE_IN_FUTURE",
                "VALIDATION_FAILED", "VALIDATION_FAILED"));
        JsonNode checksum = report.path("rows").path("items").get(0).path("problems").get(0);
        assertThat(checksum.path("column").asText()).isEqualTo("公民身份号码 nationalId");
        assertThat(checksum.path("message").asText()).contains("check character");
        JsonNode origin = report.path("rows").path("items").get(10).path("problems").get(0);
        assertThat(origin.path("column").asText()).isEqualTo("来源地 origin");

        JsonNode all = api.as("clerk").get("/api/imports/" + report.path("importId").asText() + "?size=100")
                          .expect(200).json();
        assertThat(all.path("rows").path("total").asInt()).isEqualTo(14);
        assertThat(all.path("rows").path("items").get(0).path("outcome").asText()).isEqualTo("VALID");

        JsonNode real = post("clerk", "?fileName=ledger.csv", CSV, csv.getBytes(StandardCharsets.UTF_8))
                .expect(201).json();
        assertThat(real.path("counts").path("registered").asInt()).as("the import agrees with its dry run")
                                                                 .isEqualTo(2);
        assertThat(problems(real)).isEqualTo(problems);
    }

    @Test
    void aRowTheCommandsRefuseInTheMiddleOfALongFileIsRefusedAloneAndTheChunksAroundItStand() {
        String community = Registry.freshCounty() + "004001";
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int household = 0; household < 125; household++) {
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(household);
            lines.add(line("H" + household, community, id(born, "MALE"), "户" + household, "男", born.toString(),
                    "户主"));
            // row 151, in the second chunk of 100 rows: a woman's national ID on a man, which only the command refuses
            lines.add(line("H" + household, community, id(born, "FEMALE"), "妻" + household,
                    household == 74 ? "男" : "女", born.toString(), "配偶"));
        }
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        JsonNode dry = post("clerk", "?dryRun=true", CSV, file).expect(201).json();
        JsonNode first = post("clerk", "", CSV, file).expect(201).json();
        long events = events();
        JsonNode again = post("clerk", "", CSV, file).expect(201).json();

        assertThat(dry.path("counts").path("valid").asInt()).isEqualTo(249);
        assertThat(problems(dry)).containsExactly(Map.entry(151, List.of("NATIONAL_ID_SEX_MISMATCH")));
        assertThat(first.path("counts").path("registered").asInt()).isEqualTo(249);
        assertThat(problems(first)).containsExactly(Map.entry(151, List.of("NATIONAL_ID_SEX_MISMATCH")));
        assertThat(api.as("clerk").get("/api/imports/" + first.path("importId").asText() + "?outcome=REGISTERED")
                      .expect(200).json().path("rows").path("total").asInt()).isEqualTo(249);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_directory WHERE community_code = ?",
                Integer.class, community)).isEqualTo(125);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(249);
        assertThat(again.path("counts").path("registered").asInt()).isZero();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void rowsOutsideTheClerksAreaAreRefusedAndTheOthersImported() {
        String outside = Registry.freshCounty() + "001001";
        LocalDate born = LocalDate.of(1975, 6, 1);
        String inside = id(born, "FEMALE");
        String csv = String.join("\n", HEADER,
                line("V" + inside, "330106001001", inside, "村一", "女", "1975-06-01", "户主"),
                line("V" + inside, outside, id(born, "MALE"), "村二", "男", "1975-06-01", "户主"));

        JsonNode report = post("village", "", CSV, csv.getBytes(StandardCharsets.UTF_8)).expect(201).json();

        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(1);
        assertThat(problems(report)).containsExactly(Map.entry(3, List.of("OUTSIDE_AREA_SCOPE")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_directory WHERE community_code = ?",
                Integer.class, outside)).isZero();
        // only the clerk who ran it, auditors and administrators read an import
        String path = "/api/imports/" + report.path("importId").asText();
        assertProblem(api.as("clerk2").get(path).expect(404), "IMPORT_NOT_FOUND");
        api.as("auditor").get(path).expect(200);
        assertThat(api.as("village").get("/api/imports").expect(200).json().path("items").get(0).path("importId")
                      .asText()).isEqualTo(report.path("importId").asText());
        assertProblem(post("analyst", "", CSV, csv.getBytes(StandardCharsets.UTF_8)).expect(403), "FORBIDDEN");
    }

    @Test
    void aGbkCsvWithChineseHeadersImportsWithTheImportInTheMetadataOfEveryEvent() throws Exception {
        String community = Registry.freshCounty() + "002003";
        LocalDate born = LocalDate.of(1988, 8, 8);
        String head = id(born, "MALE");
        String wife = id(born, "FEMALE");
        byte[] gbk = String.join("\r\n", HEADER,
                line("0101", community, head, "欧阳明", "男", "1988-08-08", "户主"),
                line("0101", community, wife, "上官婉", "女", "19880808", "妻")).getBytes(Charset.forName("GBK"));

        JsonNode report = post("clerk", "?fileName=" + "ledger-gbk.csv", CSV, gbk).expect(201).json();

        assertThat(report.path("charset").asText()).isEqualTo("GB18030");
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(2);
        assertThat(report.path("sha256").asText()).isEqualTo(sha256(gbk));
        String personId = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons?nationalId=" + wife).expect(200).json().path("items"), items -> items.size() == 1)
                .get(0).path("personId").asText();
        JsonNode person = api.as("clerk").get("/api/persons/" + personId).expect(200).json();
        assertThat(person.path("name").asText()).isEqualTo("上官婉");
        assertThat(person.path("relationToHead").asText()).isEqualTo("SPOUSE");
        assertThat(person.path("maritalStatus").asText()).isEqualTo("MARRIED");
        assertThat(person.path("residentSince").asText()).isEqualTo("1988-08-08");
        String household = person.path("householdId").asText();
        JsonNode members = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/households/" + household).expect(200).json(), it -> it.path("members").size() == 2);
        assertThat(members.path("householdNumber").asText()).isEqualTo("0101");

        List<String> metaData = jdbc.queryForList("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (?, ?)", String.class, personId, household);
        assertThat(metaData).isNotEmpty().allSatisfy(json -> assertThat(json)
                .contains("\"importId\":\"" + report.path("importId").asText() + "\"")
                .contains("\"importFile\":\"ledger-gbk.csv\"")
                .contains("\"importSha256\":\"" + sha256(gbk) + "\""));
        JsonNode trail = api.as("auditor").get("/api/audit/persons/" + personId).expect(200).json();
        assertThat(trail.get(0).path("type").asText()).isEqualTo("PersonRegistered");
        assertThat(trail.get(0).path("importId").asText()).isEqualTo(report.path("importId").asText());
    }

    @Test
    void anXlsxWithBothHeaderRowsAndDateCellsImports() throws Exception {
        String community = Registry.freshCounty() + "003001";
        LocalDate born = LocalDate.of(1992, 2, 29);
        String head = id(born, "FEMALE");
        String child = id(LocalDate.of(2018, 5, 4), "MALE");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        String[][] headers = {{"户号", "社区代码", "住址", "公民身份号码", "姓名", "性别", "出生日期", "与户主关系", "备注"},
                {"householdNumber", "communityCode", "address", "nationalId", "name", "sex", "birthDate",
                        "relationToHead", "note"}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < headers[r].length; c++) {
                sheet.value(r, c, headers[r][c]);
            }
        }
        Object[][] rows = {{"7", community, "西溪路7号", head, "林晓", "女", born, "户主", "x"},
                {"7", community, "西溪路7号", child, "林小", "男", LocalDate.of(2018, 5, 4), "子女", ""}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof LocalDate date) {
                    sheet.value(r + 2, c, date);
                    sheet.style(r + 2, c).format("yyyy-mm-dd").set();
                } else {
                    sheet.value(r + 2, c, (String) rows[r][c]);
                }
            }
        }
        workbook.finish();

        JsonNode report = post("clerk", "?fileName=ledger.xlsx", XLSX, out.toByteArray()).expect(201).json();

        assertThat(report.path("format").asText()).isEqualTo("XLSX");
        assertThat(report.path("totalRows").asInt()).as("the English header row is no person").isEqualTo(2);
        assertThat(problems(report)).isEmpty();
        assertThat(report.path("counts").path("registered").asInt()).isEqualTo(2);
        JsonNode found = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons?nationalId=" + child).expect(200).json().path("items"), items -> items.size() == 1);
        assertThat(found.get(0).path("birthDate").asText()).isEqualTo("2018-05-04");
        assertThat(found.get(0).path("name").asText()).isEqualTo("林小");
    }

    @Test
    void importingTheSameFileTwiceRecordsNothingTheSecondTime() {
        String community = Registry.freshCounty() + "001002";
        LocalDate born = LocalDate.of(1960, 1, 15);
        String csv = String.join("\n", HEADER,
                line("A1", community, id(born, "MALE"), "甲", "男", "1960-01-15", "户主"),
                line("A1", community, id(born, "FEMALE"), "乙", "女", "1960-01-15", "配偶"),
                line("A2", community, id(born, "MALE"), "丙", "男", "1960-01-15", "户主"));
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode first = post("clerk", "", CSV, file).expect(201).json();
        assertThat(first.path("counts").path("registered").asInt()).isEqualTo(3);
        long events = events();

        JsonNode again = post("clerk", "", CSV, file).expect(201).json();
        JsonNode dryAgain = post("clerk", "?dryRun=true", CSV, file).expect(201).json();

        assertThat(events()).isEqualTo(events);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(3);
        assertThat(again.path("counts").path("registered").asInt()).isZero();
        assertThat(dryAgain.path("counts").path("matched").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_directory WHERE community_code = ?",
                Integer.class, community)).isEqualTo(2);
        JsonNode rows = api.as("clerk").get("/api/imports/" + again.path("importId").asText() + "?outcome=MATCHED")
                           .expect(200).json().path("rows").path("items");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("personId").asText()).isNotBlank();

        // a row matched by its ID whose birth date differs from the register's is matched, and the difference named
        String firstRow = csv.split("\n")[1];
        String differing = HEADER + "\n" + firstRow.replace("1960-01-15", "1960-01-16");
        JsonNode matched = post("clerk", "?dryRun=true", CSV, differing.getBytes(StandardCharsets.UTF_8))
                .expect(201).json();
        assertThat(matched.path("counts").path("matched").asInt()).isEqualTo(1);
        JsonNode difference = api.as("clerk").get("/api/imports/" + matched.path("importId").asText())
                                 .expect(200).json().path("rows").path("items").get(0).path("problems").get(0);
        assertThat(difference.path("code").asText()).isEqualTo("MATCH_DIFFERS");
        assertThat(difference.path("column").asText()).isEqualTo("出生日期 birthDate");

        // a new member of a household imported before joins it
        String later = csv + "\n" + line("A1", community, id(LocalDate.of(1990, 1, 1), "MALE"), "丁", "男",
                "1990-01-01", "子女");
        JsonNode third = post("clerk", "", CSV, later.getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertThat(third.path("counts").path("registered").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_directory WHERE community_code = ?",
                Integer.class, community)).isEqualTo(2);
    }

    @Test
    void aFileTheRegisterCannotReadIsRefusedAsAWhole() {
        assertProblem(post("clerk", "", CSV, "姓名,性别\n张三,男".getBytes(StandardCharsets.UTF_8)).expect(400),
                "IMPORT_COLUMNS_MISSING");
        assertProblem(post("clerk", "", CSV, new byte[0]).expect(400), "IMPORT_FILE_EMPTY");
        assertProblem(post("clerk", "", XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)).expect(400),
                "IMPORT_FILE_UNREADABLE");
        assertProblem(post("clerk", "?charset=latin1", CSV, HEADER.getBytes(StandardCharsets.UTF_8)).expect(400),
                "VALIDATION_FAILED");
        assertProblem(post("clerk", "", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).expect(415),
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theTemplateHasBothHeaderRowsAndExplainsEachColumn() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports/template")).header("Accept", XLSX)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(
                        StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(XLSX));
        byte[] bytes = answer.body();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("人员 persons",
                    "流动人口 floating", "出生 births", "体检 check-ups", "奖励扶助对象 recipients", "说明 columns");
            List<Row> header = sheets.get(0).read();
            assertThat(header).hasSize(2);
            assertThat(header.get(0).getCellText(0)).isEqualTo("户号*");
            assertThat(header.get(1).getCellText(0)).isEqualTo("householdNumber");
            assertThat(header.get(0).stream().map(cell -> cell.getText()).collect(Collectors.toList()))
                    .contains("公民身份号码*", "与户主关系*", "民族", "婚姻状况");
            assertThat(sheets.get(1).read().get(0).stream().map(cell -> cell.getText()).toList())
                    .contains("来源地*", "居住起始日期*", "户号*");
            List<Row> births = sheets.get(2).read();
            assertThat(births).hasSize(2);
            assertThat(births.get(0).stream().map(cell -> cell.getText()).collect(Collectors.toList()))
                    .startsWith("母亲公民身份号码*", "姓名*", "性别*", "出生日期*").contains("公民身份号码", "户号")
                    .doesNotContain("公民身份号码*");
            assertThat(births.get(1).getCellText(0)).isEqualTo("motherNationalId");
            assertThat(sheets.get(3).read().get(0).getCellText(0)).isEqualTo("公民身份号码*");
            List<Row> recipients = sheets.get(4).read();
            assertThat(recipients.get(0).stream().map(cell -> cell.getText()).toList())
                    .containsExactly("公民身份号码*", "项目*", "享受起始日期*", "依据", "备注");
            assertThat(recipients.get(1).stream().map(cell -> cell.getText()).toList())
                    .containsExactly("nationalId", "programme", "grantedOn", "basis", "notes");
            List<Row> help = sheets.get(5).read();
            int persons = rowOf(help, "人员 persons");
            int ofBirths = rowOf(help, "出生 births");
            assertThat(persons).isLessThan(ofBirths);
            Row nationalId = help.get(rowOf(help.subList(persons, ofBirths), "公民身份号码") + persons);
            assertThat(nationalId.getCellText(2)).isEqualTo("是 yes");
            assertThat(nationalId.getCellText(3)).contains("18位");
            Row childsId = help.get(rowOf(help.subList(ofBirths, help.size()), "公民身份号码") + ofBirths);
            assertThat(childsId.getCellText(2)).isEqualTo("否 no");
            int ofRecipients = rowOf(help, "奖励扶助对象 recipients");
            assertThat(help.get(ofRecipients + 2).getCellText(0)).startsWith("One row a recipient");
            Row programme = help.get(rowOf(help.subList(ofRecipients, help.size()), "项目") + ofRecipients);
            assertThat(programme.getCellText(1)).isEqualTo("programme");
            assertThat(programme.getCellText(2)).isEqualTo("是 yes");
            assertThat(programme.getCellText(3)).contains("独生子女父母奖励");
        }
    }

    /** The first row whose first cell has the text. */
    private static int rowOf(List<Row> rows, String first) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getCellCount() > 0 && first.equals(rows.get(i).getCellText(0))) {
                return i;
            }
        }
        throw new AssertionError("no row " + first);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
