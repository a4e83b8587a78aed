package org.registry.command.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.Residency;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerFileTest {

    private static final String HEADER = "户号,社区代码,住址,公民身份号码,姓名,性别,出生日期,与户主关系,备注";
    private static final String ID = id("19900101", 1);

    @TempDir
    Path directory;

    static String id(String birthDate, int sequence) {
        String first17 = "330106" + birthDate + String.format("%03d", sequence);
        return first17 + NationalId.checkCharacter(first17);
    }

    Path file(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    static List<LedgerRow> rows(Path path, LedgerFile.Format format, Charset charset) throws IOException {
        try (LedgerFile file = LedgerFile.open(path, format, charset, null); Stream<LedgerRow> rows = file.rows()) {
            return rows.toList();
        }
    }

    @Test
    void gbkBytesAreReadAsGbkAndUtf8WithOrWithoutAByteOrderMarkAsUtf8() throws IOException {
        String text = HEADER + "\n1,330106001001,文三路,\"" + ID + "\",欧阳明,男,1990-01-01,户主,\n";
        Path gbk = file("gbk.csv", text.getBytes(Charset.forName("GBK")));
        Path utf8 = file("utf8.csv", text.getBytes(StandardCharsets.UTF_8));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path withBom = file("bom.csv", concat(bom, text.getBytes(StandardCharsets.UTF_8)));

        assertThat(LedgerFile.charsetOf(gbk)).isEqualTo(LedgerFile.CHINESE);
        assertThat(LedgerFile.charsetOf(utf8)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(LedgerFile.charsetOf(withBom)).isEqualTo(StandardCharsets.UTF_8);
        for (Path path : List.of(gbk, utf8, withBom)) {
            List<LedgerRow> rows = rows(path, LedgerFile.Format.CSV, null);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(Column.NAME)).isEqualTo("欧阳明");
            assertThat(rows.get(0).get(Column.HOUSEHOLD_NUMBER)).as("the first column, after a BOM").isEqualTo("1");
            assertThat(rows.get(0).number()).isEqualTo(2);
        }
    }

    @Test
    void englishHeadersInAnyOrderASecondHeaderRowBlankRowsAndUnknownColumns() throws IOException {
        String text = "name,nationalId,householdNumber,communityCode,address,sex,birthDate,relationToHead,colour\n"
                + "姓名,公民身份号码,户号,社区代码,住址,性别,出生日期,与户主关系,颜色\n"
                + "\n"
                + "Li,\"" + ID + "\",7,330106001001,x,MALE,1990-01-01,HEAD,red\n";
        Path path = file("en.csv", text.getBytes(StandardCharsets.UTF_8));
        try (LedgerFile file = LedgerFile.open(path, LedgerFile.Format.CSV, StandardCharsets.UTF_8, null)) {
            assertThat(file.ignoredColumns()).containsExactly("colour");
            List<LedgerRow> rows = file.rows().toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(4);
            assertThat(rows.get(0).get(Column.NATIONAL_ID)).isEqualTo(ID);
        }
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingThem() throws IOException {
        Path path = file("short.csv", "姓名,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> rows(path, LedgerFile.Format.CSV, null))
                .isInstanceOfSatisfying(RejectionException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("IMPORT_COLUMNS_MISSING");
                    assertThat(e.getMessage()).contains("户号 householdNumber", "公民身份号码 nationalId")
                                              .doesNotContain("姓名 name");
                });
    }

    @Test
    void xlsxDateCellsAreDaysNumbersKeepTheirDigitsAndTheEnglishHeaderRowIsSkipped() throws IOException {
        Path path = directory.resolve("ledger.xlsx");
        try (OutputStream out = Files.newOutputStream(path)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("人员");
            String[] chinese = HEADER.split(",");
            for (int c = 0; c < chinese.length; c++) {
                sheet.value(0, c, chinese[c]);
                sheet.value(1, c, Column.byHeader(chinese[c]).map(column -> column.english).orElse("note"));
            }
            sheet.value(2, 0, 12);
            sheet.value(2, 1, 330106001001L);
            sheet.value(2, 2, "文三路");
            sheet.value(2, 3, ID);
            sheet.value(2, 4, "张三");
            sheet.value(2, 5, "男");
            sheet.value(2, 6, LocalDate.of(1990, 1, 1));
            sheet.style(2, 6).format("yyyy\"年\"m\"月\"d\"日\"").set();
            sheet.value(2, 7, "户主");
            workbook.finish();
        }

        List<LedgerRow> rows = rows(path, LedgerFile.Format.XLSX, null);

        assertThat(rows).hasSize(1);
        LedgerRow row = rows.get(0);
        assertThat(row.number()).isEqualTo(3);
        assertThat(row.get(Column.HOUSEHOLD_NUMBER)).isEqualTo("12");
        assertThat(row.get(Column.COMMUNITY_CODE)).isEqualTo("330106001001");
        assertThat(row.get(Column.BIRTH_DATE)).isEqualTo("1990-01-01");
        assertThat(new PersonRow(row).valid()).isTrue();
    }

    @Test
    void chineseLabelsAndTheWaysOfWritingADateAreRead() {
        PersonRow row = new PersonRow(new LedgerRow(2, java.util.Map.ofEntries(
                java.util.Map.entry(Column.HOUSEHOLD_NUMBER, "1"), java.util.Map.entry(Column.COMMUNITY_CODE,
                        "330106001001"), java.util.Map.entry(Column.ADDRESS, "x"),
                java.util.Map.entry(Column.KIND, "流动人口户"), java.util.Map.entry(Column.NATIONAL_ID, ID),
                java.util.Map.entry(Column.NAME, "张三"), java.util.Map.entry(Column.SEX, "男"),
                java.util.Map.entry(Column.BIRTH_DATE, "1990年1月1日"),
                java.util.Map.entry(Column.MARITAL_STATUS, "丧偶"), java.util.Map.entry(Column.RELATION_TO_HEAD, "妻"),
                java.util.Map.entry(Column.RESIDENCY, "流入"), java.util.Map.entry(Column.RESIDENT_SINCE, "2020/3/5"),
                java.util.Map.entry(Column.ORIGIN, "合肥"))));

        assertThat(row.problems).isEmpty();
        var household = row.household(new org.registry.kernel.household.HouseholdId(java.util.UUID.randomUUID()));
        var person = row.person(new org.registry.kernel.person.PersonId(java.util.UUID.randomUUID()),
                household.householdId());
        assertThat(household.kind()).isEqualTo(HouseholdKind.FLOATING);
        assertThat(household.registeredOn()).isEqualTo(LocalDate.of(2020, 3, 5));
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(person.maritalStatus()).isEqualTo(MaritalStatus.WIDOWED);
        assertThat(person.relationToHead()).isEqualTo(RelationToHead.SPOUSE);
        assertThat(person.residency()).isEqualTo(Residency.FLOATING_IN);
        assertThat(person.residentSince()).isEqualTo(LocalDate.of(2020, 3, 5));
    }

    @Test
    void everyBadValueOfARowIsReportedWithItsColumn() {
        PersonRow row = new PersonRow(new LedgerRow(9, java.util.Map.of(Column.HOUSEHOLD_NUMBER, "1",
                Column.COMMUNITY_CODE, "330106001001", Column.ADDRESS, "x", Column.NATIONAL_ID, "12345",
                Column.SEX, "M", Column.BIRTH_DATE, "1990-02-30", Column.RELATION_TO_HEAD, "户主")));

        assertThat(row.valid()).isFalse();
        assertThat(row.problems).extracting(PersonRow.Problem::column, PersonRow.Problem::code)
                                .containsExactlyInAnyOrder(
                                        org.assertj.core.groups.Tuple.tuple("姓名 name", "VALIDATION_FAILED"),
                                        org.assertj.core.groups.Tuple.tuple("公民身份号码 nationalId",
                                                "NATIONAL_ID_INVALID"),
                                        org.assertj.core.groups.Tuple.tuple("性别 sex", "VALIDATION_FAILED"),
                                        org.assertj.core.groups.Tuple.tuple("出生日期 birthDate", "VALIDATION_FAILED"));
    }

    @Test
    void theKindIsTheOneAskedForElseTheOneTheHeadersShowAndColumnsOfAnotherKindAreIgnored() throws IOException {
        Path births = file("births.csv", ("母亲公民身份号码,姓名,性别,出生日期,户别\n\"" + ID + "\",王一,男,2020-01-01,户籍户\n")
                .getBytes(StandardCharsets.UTF_8));
        try (LedgerFile file = LedgerFile.open(births, LedgerFile.Format.CSV, null, null)) {
            assertThat(file.ledger()).isEqualTo(Ledger.BIRTHS);
            assertThat(file.ignoredColumns()).as("a household's kind is no column of a birth").containsExactly("户别");
            assertThat(file.rows().toList().get(0).get(Column.MOTHER_NATIONAL_ID)).isEqualTo(ID);
        }
        try (LedgerFile file = LedgerFile.open(births, LedgerFile.Format.CSV, null, Ledger.BIRTHS)) {
            assertThat(file.ledger()).isEqualTo(Ledger.BIRTHS);
        }
        assertThatThrownBy(() -> LedgerFile.open(births, LedgerFile.Format.CSV, null, Ledger.PERSONS))
                .isInstanceOfSatisfying(RejectionException.class, e -> assertThat(e.rejection().code())
                        .isEqualTo("IMPORT_COLUMNS_MISSING"));
        assertThat(Ledger.ofSheet("出生登记")).contains(Ledger.BIRTHS);
        assertThat(Ledger.ofSheet("Births 2025")).contains(Ledger.BIRTHS);
        assertThat(Ledger.ofSheet("Sheet1")).isEmpty();
        assertThat(Ledger.ofSheet("2018年奖励扶助对象")).contains(Ledger.RECIPIENTS);
        assertThat(Ledger.ofHeaders(Set.of(Column.NATIONAL_ID, Column.PROGRAMME, Column.GRANTED_ON)))
                .as("a programme column: recipients").isEqualTo(Ledger.RECIPIENTS);
        assertThat(Ledger.named("births")).contains(Ledger.BIRTHS);
        assertThat(Ledger.named("BIRTHS")).as("exactly as the API lists it").isEmpty();
        assertThat(Ledger.named("deaths")).isEmpty();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
