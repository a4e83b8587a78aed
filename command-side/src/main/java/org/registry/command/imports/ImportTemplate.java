package org.registry.command.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The workbook an office fills in: the persons sheet with both header rows (Chinese, then English; the import
 * skips the second), its cells text so that national IDs and codes keep every digit, and a sheet explaining each
 * column.
 */
final class ImportTemplate {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PERSONS_SHEET = "人员 persons";
    static final String COLUMNS_SHEET = "说明 columns";

    private ImportTemplate() {
    }

    static void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "registry", "1.0");
        Worksheet persons = workbook.newWorksheet(PERSONS_SHEET);
        Column[] columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            persons.value(0, c, columns[c].chinese + (columns[c].required ? "*" : ""));
            persons.value(1, c, columns[c].english);
            persons.style(0, c).bold().fillColor("DDEBF7").set();
            persons.style(1, c).fillColor("F2F2F2").set();
            persons.style(c).format("@").set();
            persons.width(c, 16);
        }
        persons.freezePane(0, 2);

        Worksheet help = workbook.newWorksheet(COLUMNS_SHEET);
        String[] headers = {"列名", "column", "必填 required", "说明 description", "示例 example"};
        for (int c = 0; c < headers.length; c++) {
            help.value(0, c, headers[c]);
            help.style(0, c).bold().set();
        }
        for (int r = 0; r < columns.length; r++) {
            Column column = columns[r];
            help.value(r + 1, 0, column.chinese);
            help.value(r + 1, 1, column.english);
            help.value(r + 1, 2, column.required ? "是 yes" : "否 no");
            help.value(r + 1, 3, column.description);
            help.value(r + 1, 4, column.example);
        }
        int note = columns.length + 2;
        help.value(note, 0, "一行一人；同一社区内户号相同的行为同一户，住址、户别等户信息以该户第一行为准。"
                + "已在登记簿中的身份证号视为已匹配，不重复登记。先用 dryRun=true 检查，再正式导入。");
        help.value(note + 1, 0, "One row a person; rows with the same community code and household number are one "
                + "household, whose details come from its first row. National IDs already on the register are matched, "
                + "never registered twice. Check with dryRun=true first, then import.");
        help.width(0, 16);
        help.width(1, 22);
        help.width(2, 12);
        help.width(3, 70);
        help.width(4, 22);
        workbook.finish();
    }
}
