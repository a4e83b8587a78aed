package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report as an office document: the XLSX read back with POI holds the figures of the JSON, the PDF's
 * text (PDFBox) holds the figures and the Chinese labels, its font embedded.
 */
class MonthlyReportDocumentsTest extends CountyScenario {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    long filed;

    HttpResponse<byte[]> download(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
                .header("X-Min-Event-Position", Long.toString(filed));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String filedReport() {
        String community = community("002", "001");
        String home = registry.household(community, day("2000-01-01"));
        String mother = registry.marriedHead(home, "Sun Li", "FEMALE", day("1990-03-03"));
        registry.resident(home, "Sun Lao", "MALE", day("1950-03-03"), "PARENT", day("2010-01-01"), null);
        registry.born(mother, home, "Sun Yi", "MALE", day("2026-10-10"));
        registry.born(mother, home, "Sun Er", "FEMALE", day("2026-10-10"));
        registry.checkUp(mother, day("2026-10-20"));
        filed = clerk.post("/api/reports", Map.of("areaCode", community, "month", "2026-10")).expect(201)
                     .eventPosition();
        return community + "-2026-10";
    }

    @Test
    void theXlsxReadBackHoldsTheFiguresOfTheJson() throws Exception {
        String id = filedReport();
        JsonNode json = awaitJson(id);
        HttpResponse<byte[]> answer = download("/api/reports/" + id, XLSX, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(XLSX));
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");

        Map<String, Row> rows = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("人口与家庭健康月报");
            sheet.forEach(row -> {
                Cell label = row.getCell(0);
                if (label != null && label.getCellType() == CellType.STRING) {
                    rows.putIfAbsent(label.getStringCellValue(), row);
                }
            });
            JsonNode f = json.at("/figures/indicators");
            assertThat(text(rows.get("填报人"), 1)).isEqualTo("clerk");
            assertThat(text(rows.get("报告期"), 1)).isEqualTo("2026-10");
            assertThat(number(rows.get("期初人口"), 1)).isEqualByComparingTo(f.at("/population/start").decimalValue());
            assertThat(number(rows.get("期末人口"), 1)).isEqualByComparingTo(f.at("/population/end").decimalValue());
            assertThat(number(rows.get("平均人口"), 1)).isEqualByComparingTo(f.at("/population/mean").decimalValue());
            assertThat(number(rows.get("户数"), 1)).isEqualByComparingTo(f.at("/households").decimalValue());
            assertThat(number(rows.get("出生人数"), 1)).isEqualByComparingTo(f.at("/births/total").decimalValue())
                                                   .isEqualByComparingTo("2");
            assertThat(number(rows.get("男婴"), 1)).isEqualByComparingTo(f.at("/births/male").decimalValue());
            assertThat(number(rows.get("女婴"), 1)).isEqualByComparingTo(f.at("/births/female").decimalValue());
            assertThat(number(rows.get("一孩"), 1)).isEqualByComparingTo(f.at("/births/byOrder/1").decimalValue());
            assertThat(number(rows.get("二孩"), 1)).isEqualByComparingTo(f.at("/births/byOrder/2").decimalValue());
            assertThat(number(rows.get("死亡人数"), 1)).isEqualByComparingTo(f.at("/deaths").decimalValue());
            Row birthRate = rows.get("出生率（‰）");
            assertThat(number(birthRate, 1)).isEqualByComparingTo(f.at("/birthRatePerMille/value").decimalValue());
            assertThat(number(birthRate, 2)).isEqualByComparingTo(f.at("/birthRatePerMille/births").decimalValue());
            assertThat(number(birthRate, 3))
                    .isEqualByComparingTo(f.at("/birthRatePerMille/meanPopulation").decimalValue());
            Row sexRatio = rows.get("出生性别比（女=100）");
            assertThat(number(sexRatio, 1)).isEqualByComparingTo(f.at("/sexRatioAtBirth/value").decimalValue())
                                           .isEqualByComparingTo("100");
            assertThat(number(sexRatio, 2)).isEqualByComparingTo(f.at("/sexRatioAtBirth/male").decimalValue());
            assertThat(number(sexRatio, 3)).isEqualByComparingTo(f.at("/sexRatioAtBirth/female").decimalValue());
            Row coverage = rows.get("孕检覆盖率（%）");
            assertThat(number(coverage, 1)).isEqualByComparingTo(f.at("/checkUpCoverage/value").decimalValue());
            assertThat(number(coverage, 2)).isEqualByComparingTo(f.at("/checkUpCoverage/checked").decimalValue());
            assertThat(number(coverage, 3)).isEqualByComparingTo(f.at("/checkUpCoverage/eligible").decimalValue());
            assertThat(number(rows.get("期末"), 1)).isEqualByComparingTo(json.at("/figures/balance/closing")
                                                                           .decimalValue());
            assertThat(number(rows.get("迁入"), 1)).isEqualByComparingTo(json.at("/figures/balance/movedIn")
                                                                           .decimalValue());
            assertThat(number(rows.get("发放金额（元）"), 1))
                    .isEqualByComparingTo(new BigDecimal(f.at("/benefits/amountPaid").asText()));
        }
    }

    @Test
    void thePdfHoldsTheFiguresAndTheChineseLabelsInAnEmbeddedFont_andEnglishOnRequest() throws Exception {
        String id = filedReport();
        JsonNode json = awaitJson(id);
        HttpResponse<byte[]> answer = download("/api/reports/" + id, "application/pdf", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("人口与家庭健康月报", "填报单位", "村（社区） " + id.substring(0, 12), "报告期",
                    "2026-10", "填报人", "clerk", "审批人", "出生人数", "出生率（‰）", "分子", "分母");
            assertThat(text).containsPattern("出生人数 " + json.at("/figures/indicators/births/total").asText());
            assertThat(text).containsPattern("出生率（‰） "
                    + json.at("/figures/indicators/birthRatePerMille/value").decimalValue().toPlainString() + " 2 "
                    + json.at("/figures/indicators/birthRatePerMille/meanPopulation").decimalValue().toPlainString());
            PDResources resources = pdf.getPage(0).getResources();
            boolean embedded = false;
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                embedded |= font.isEmbedded() && font.getName().contains("NotoSansSC");
            }
            assertThat(embedded).as("the CJK font is embedded").isTrue();
        }
        HttpResponse<byte[]> english = download("/api/reports/" + id + "/document?format=pdf", null, "en");
        try (PDDocument pdf = Loader.loadPDF(english.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Population and family-health monthly report",
                    "Births");
        }
        HttpResponse<byte[]> link = download("/api/reports/" + id + "/document?format=xlsx", null, null);
        assertThat(link.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
        // without Accept, JSON
        assertThat(download("/api/reports/" + id, null, null).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/json");
    }

    JsonNode awaitJson(String id) {
        return Api.at(port).as("clerk").header("X-Min-Event-Position", Long.toString(filed))
                  .get("/api/reports/" + id).expect(200).json();
    }

    static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }

    static BigDecimal number(Row row, int column) throws IOException {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue());
    }
}
