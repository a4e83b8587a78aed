package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.registry.kernel.benefit.Programme;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledgers as downloads: CSV in UTF-8 with a byte-order mark (or GBK), XLSX, masked for the reader as the JSON is,
 * and streamed: 100,000 rows go out while the server holds only a window of them.
 */
class LedgerExportTest extends CountyScenario {

    HttpResponse<InputStream> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (registry.position() > 0) {
            request.header("X-Min-Event-Position", Long.toString(registry.position()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    String text(String user, String path, Charset charset) throws Exception {
        try (InputStream in = download(user, path).body()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    @Test
    void thePersonIndexAsCsvInUtf8WithABomOrGbkAndAsXlsx_refusedToAnalystsAsTheJsonIs() throws Exception {
        String community = community("001", "001");
        String home = registry.household(community, day("2000-01-01"));
        registry.marriedHead(home, "王小明", "MALE", day("1980-01-01"));
        String path = "/api/ledgers/person-index?areaCode=" + community;

        String csv = text("clerk", path, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF人员编号,姓名,公民身份号码,性别");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("王小明", "MALE", "1980-01-01", community);

        String gbk = text("clerk", path + "&charset=GBK", Charset.forName("GBK"));
        assertThat(gbk).startsWith("人员编号,姓名").contains("王小明");

        // analysts read no register, as JSON or as a download
        org.registry.platform.test.Api.at(port).as("analyst").get("/api/persons?areaCode=" + community).expect(403);
        assertThat(download("analyst", path).statusCode()).isEqualTo(403);
        assertThat(download("analyst", "/api/ledgers/household-register?areaCode=" + community).statusCode())
                .isEqualTo(403);

        try (InputStream in = download("clerk", path + "&format=xlsx").body();
             XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("王小明");
        }

        String households = text("clerk", "/api/ledgers/household-register?areaCode=" + community,
                StandardCharsets.UTF_8);
        assertThat(households).startsWith("\uFEFF户编号,村（社区）代码").contains(home, "1 Test Road");
    }

    /** Every row of a JSON page, its values as text at the given pointers (a missing or null value as ""). */
    static List<List<String>> jsonRows(JsonNode page, List<String> pointers) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            rows.add(pointers.stream().map(pointer -> {
                JsonNode value = item.at(pointer);
                return value.isMissingNode() || value.isNull() ? "" : value.asText();
            }).toList());
        }
        return rows;
    }

    /** The rows of the first sheet below its header, every cell as text. */
    static List<List<String>> xlsxRows(byte[] bytes, int columns) throws Exception {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The rows of a CSV below its header (no cell of these tests holds a comma or a quote). */
    static List<List<String>> csvRows(String csv) {
        return csv.lines().skip(1).map(line -> List.of(line.split(",", -1))).toList();
    }

    byte[] bytes(String user, String path) throws Exception {
        HttpResponse<InputStream> answer = download(user, path);
        assertThat(answer.statusCode()).isEqualTo(200);
        try (InputStream in = answer.body()) {
            return in.readAllBytes();
        }
    }

    /** An export as UTF-8 text, answered 200. */
    String utf8(String user, String path) throws Exception {
        return new String(bytes(user, path), StandardCharsets.UTF_8);
    }

    /** An export asked for in GBK ({@code &charset=GBK}), as text, answered 200. */
    String gbk(String user, String path) throws Exception {
        return new String(bytes(user, path + "&charset=GBK"), Charset.forName("GBK"));
    }

    /**
     * Checks that an export holds the expected rows below its header as UTF-8 CSV (with its BOM), as GBK CSV and as
     * XLSX; answers the UTF-8 CSV.
     */
    String exportsHold(String user, String path, String header, List<List<String>> expected) throws Exception {
        String csv = utf8(user, path);
        assertThat(csv).startsWith("\uFEFF" + header);
        assertThat(csvRows(csv.substring(1))).isEqualTo(expected);
        assertThat(csvRows(gbk(user, path))).isEqualTo(expected);
        assertThat(xlsxRows(bytes(user, path + "&format=xlsx"), expected.get(0).size())).isEqualTo(expected);
        return csv;
    }

    /** A household of the community since 2000 with two claimants: a woman born 1980 heading it, a man born 1960. */
    List<String> twoClaimants(String community, String woman, String man) {
        String home = registry.household(community, day("2000-01-01"));
        return List.of(registry.resident(home, woman, "FEMALE", day("1980-01-01"), "HEAD", day("2000-01-01"), null),
                registry.resident(home, man, "MALE", day("1960-01-01"), "OTHER", day("2000-01-01"), null));
    }

    /** A clerk's export holds the personal data; an analyst's masks it, as the JSON read does. */
    static void shownToClerksOnly(String user, String export, String... personalData) {
        if (user.equals("clerk")) {
            assertThat(export).contains(personalData);
        } else {
            assertThat(export).doesNotContain(personalData);
        }
    }

    JsonNode read(String user, String path) {
        return registry.get(org.registry.platform.test.Api.at(port).as(user), path);
    }

    static final List<String> FLOATING = List.of("/personId", "/name", "/nationalId", "/sex", "/birthDate",
            "/direction", "/communityCode", "/householdId", "/since", "/until", "/origin", "/destination",
            "/moveReason", "/certificateNumber", "/certificateExpiry", "/certificateStatus");

    @Test
    void theFloatingRegisterAsCsvAndXlsxEqualsItsJsonRead_maskedForAnalystsAsTheJsonIs() throws Exception {
        String community = community("002", "002");
        String home = registry.household(community, day("2000-01-01"));
        registry.resident(home, "户主甲", "MALE", day("1970-01-01"), "HEAD", day("2000-01-01"), "MARRIED");
        registry.floating(home, "流入张三", "MALE", day("1995-01-01"), "OTHER", day("2024-02-01"), "河南省信阳市",
                day("2024-09-10"), null);
        registry.floating(home, "流入李四", "FEMALE", day("1998-05-05"), "OTHER", day("2024-03-01"), "安徽省阜阳市",
                null, null);
        String query = "?areaCode=" + community + "&direction=IN&asOf=2024-06-01";
        for (String user : List.of("clerk", "analyst")) {
            JsonNode json = read(user, "/api/ledgers/floating-population" + query + "&size=100");
            List<List<String>> expected = jsonRows(json, FLOATING);
            assertThat(expected).hasSize(2);

            String csv = exportsHold(user, "/api/ledgers/floating-population/export" + query,
                    "人员编号,姓名,公民身份号码,性别,出生日期,流向", expected);
            shownToClerksOnly(user, csv, "流入张三", "流入李四", "河南省信阳市", "安徽省阜阳市");
            if (user.equals("clerk")) {
                assertThat(csv).contains("VALID");
            }
        }
    }

    @Test
    void theCheckUpOutreachListAsCsvAndXlsxEqualsTheNotCheckedOfItsJsonRead() throws Exception {
        String community = community("003", "003");
        String home = registry.household(community, day("2000-01-01"));
        registry.resident(home, "户主乙", "MALE", day("1980-01-01"), "HEAD", day("2000-01-01"), "MARRIED");
        registry.resident(home, "未检王芳", "FEMALE", day("1985-03-03"), "SPOUSE", day("2000-01-01"), "MARRIED");
        registry.resident(home, "未检赵丽", "FEMALE", day("1990-04-04"), "OTHER", day("2000-01-01"), "MARRIED");
        String checked = registry.resident(home, "已检孙梅", "FEMALE", day("1988-05-05"), "OTHER", day("2000-01-01"),
                "MARRIED");
        registry.checkUp(checked, day("2024-03-01"));
        String query = "?areaCode=" + community + "&from=2024-01-01&to=2024-12-31";
        List<String> pointers = List.of("/personId", "/name", "/nationalId", "/birthDate", "/age", "/communityCode",
                "/householdId", "/lastCheckUpOn");
        for (String user : List.of("clerk", "analyst")) {
            JsonNode json = read(user, "/api/ledgers/check-ups" + query + "&size=100");
            assertThat(json.get("eligible").asLong()).isEqualTo(3);
            List<List<String>> expected = jsonRows(json.get("notChecked"), pointers);
            assertThat(expected).hasSize(2);

            String csv = exportsHold(user, "/api/ledgers/check-ups/outreach" + query,
                    "人员编号,姓名,公民身份号码,出生日期,年龄", expected);
            shownToClerksOnly(user, csv, "未检王芳", "未检赵丽");
            assertThat(csv).doesNotContain("已检孙梅");
        }
    }

    @Test
    void theBenefitPaymentsAsCsvAndXlsxEqualTheJsonRead_withALastRowOfTotals() throws Exception {
        String community = community("004", "004");
        List<String> claimants = twoClaimants(community, "发放钱一", "发放钱二");
        String monthly = claimants.get(0);
        String yearly = claimants.get(1);
        String award = registry.grantedClaim(monthly, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-01-20"));
        registry.pay(monthly, award, "2026-01", "20", day("2026-01-25"));
        registry.pay(monthly, award, "2026-02", "20.50", day("2026-02-25"));
        String reward = registry.grantedClaim(yearly, Programme.RURAL_REWARD_SUPPORT, day("2026-02-01"));
        registry.pay(yearly, reward, "2026", "960", day("2026-02-15"));
        String query = "?areaCode=" + community + "&period=2026";
        List<String> pointers = List.of("/communityCode", "/personId", "/name", "/nationalId", "/programme",
                "/period", "/amount", "/paidOn", "/claimId");
        for (String user : List.of("clerk", "analyst")) {
            JsonNode json = read(user, "/api/ledgers/benefit-payments" + query + "&size=100");
            List<List<String>> expected = jsonRows(json, pointers);
            assertThat(expected).hasSize(3);
            String total = json.get("totals").get("amount").asText();
            assertThat(total).isEqualTo("1000.50");

            String csv = utf8(user, "/api/ledgers/benefit-payments/export" + query);
            assertThat(csv).startsWith("\uFEFF村（社区）代码,人员编号,姓名,公民身份号码,项目,发放期,金额（元）");
            List<List<String>> rows = csvRows(csv.substring(1));
            assertThat(rows.subList(0, 3)).isEqualTo(expected);
            assertThat(rows.get(3)).isEqualTo(List.of("合计", "", "", "", "", "", total, "", ""));
            String gbk = gbk(user, "/api/ledgers/benefit-payments/export" + query);
            assertThat(csvRows(gbk)).isEqualTo(rows);

            List<List<String>> sheet = xlsxRows(bytes(user, "/api/ledgers/benefit-payments/export" + query
                    + "&format=xlsx"), pointers.size());
            assertThat(sheet.subList(0, 3)).isEqualTo(expected);
            assertThat(sheet.get(3).get(0)).isEqualTo("合计");
            assertThat(new java.math.BigDecimal(sheet.get(3).get(6))).isEqualByComparingTo(total);
            shownToClerksOnly(user, csv, "发放钱一", "发放钱二");
        }
    }

    @Test
    void thePublicNoticeBoardAsAnA4PdfHoldsTheChineseLabelsAndTheEntriesMaskedAsOnTheBoard() throws Exception {
        String community = community("005", "005");
        List<String> claimants = twoClaimants(community, "公示周一", "公示吴二");
        String first = claimants.get(0);
        String second = claimants.get(1);
        registry.claimOnNotice(first, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-11-01"), java.time.Instant.now());
        String held = registry.claimOnNotice(second, Programme.SPECIAL_SUPPORT, day("2026-11-01"),
                java.time.Instant.now());
        registry.objection(second, held, day("2026-11-02"));
        JsonNode board = registry.get(org.registry.platform.test.Api.at(port).as("clerk"),
                "/api/public-notices?areaCode=" + community + "&size=100");
        assertThat(board.get("total").asLong()).isEqualTo(2);

        for (String user : List.of("clerk", "analyst")) {
            byte[] bytes = bytes(user, "/api/ledgers/public-notice-board?areaCode=" + community);
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
                org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setSortByPosition(true);
                String text = stripper.getText(pdf);
                // (sorted by position, the bold title's glyphs may be spaced apart)
                assertThat(text.replace(" ", "")).contains("奖励扶助对象公示");
                assertThat(text).contains("扶助项目", "姓名", "公民身份号码", "公示截止", community,
                        "独生子女父母奖励", "计划生育特别扶助", "公示中", "有异议", "合计：2");
                // as printed: the title, the table's header, its entries, then the count
                assertThat(text.indexOf("公示范围")).isLessThan(text.indexOf("扶助项目"));
                assertThat(text.indexOf("扶助项目")).isLessThan(text.indexOf("独生子女父母奖励"));
                assertThat(text.indexOf("计划生育特别扶助")).isLessThan(text.indexOf("合计：2"));
                for (JsonNode notice : board.get("items")) {
                    // masked as on the board, for every reader
                    assertThat(text).contains(notice.get("name").asText(), notice.get("nationalId").asText());
                }
                assertThat(text).doesNotContain("公示周一", "公示吴二");
            }
        }
    }

    @Test
    void aCsvOf100000RowsStreamsInBoundedMemory() throws Exception {
        String community = community("009", "009");
        // 100,000 persons written straight into the index (recording them through the commands would take long)
        jdbc.update("""
                INSERT INTO person_index (person_id, name, sex, birth_date, marital_status, residency,
                    area_household_id, community_code, township_code, county_code, registered_position, version)
                SELECT md5('export' || i)::uuid, '测试人员' || i, 'FEMALE', DATE '1990-01-01', 'SINGLE', 'PERMANENT',
                       md5('household' || (i / 4))::uuid, ?, ?, ?, 0, 1
                FROM generate_series(1, 100000) AS i""", community, community.substring(0, 9), county);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long most = 0;
            long lines = 0;
            HttpResponse<InputStream> answer = download("clerk", "/api/ledgers/person-index?areaCode=" + community);
            assertThat(answer.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    if (lines % 20_000 == 0) {
                        System.gc();
                        most = Math.max(most, memory.getHeapMemoryUsage().getUsed() - before);
                    }
                }
            }
            assertThat(lines).isEqualTo(100_001);
            // the 100,000 rows as objects and text would take well over 100 MB; a window of them, a few
            System.out.printf("person-index export of 100000 rows: heap grew by at most %d MB while streaming%n",
                    most / (1024 * 1024));
            assertThat(most).isLessThan(48L * 1024 * 1024);
        } finally {
            jdbc.update("DELETE FROM person_index WHERE community_code = ?", community);
        }
    }
}
