package org.registry.command.imports;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The workbook an office fills in: a sheet per kind of ledger ({@link Ledger}), named for it, with both header rows
 * (Chinese, then English; the import skips the second), its cells text so that national IDs and codes keep every
 * digit, and a sheet explaining each kind's columns.
 */
final class ImportTemplate {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String COLUMNS_SHEET = "说明 columns";

    private ImportTemplate() {
    }

    static void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "registry", "1.0");
        for (Ledger ledger : Ledger.values()) {
            Worksheet sheet = workbook.newWorksheet(ledger.sheetName());
            List<Column> columns = ledger.columns;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sheet.value(0, c, column.chinese + (ledger.isRequired(column) ? "*" : ""));
                sheet.value(1, c, column.english);
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.style(1, c).fillColor("F2F2F2").set();
                sheet.style(c).format("@").set();
                sheet.width(c, 16);
            }
            sheet.freezePane(0, 2);
        }

        Worksheet help = workbook.newWorksheet(COLUMNS_SHEET);
        String[] headers = {"列名", "column", "必填 required", "说明 description", "示例 example"};
        int r = 0;
        for (Ledger ledger : Ledger.values()) {
            help.value(r, 0, ledger.sheetName());
            help.style(r, 0).bold().fillColor("DDEBF7").set();
            help.value(r + 1, 0, ledger.noteChinese);
            help.value(r + 2, 0, ledger.noteEnglish);
            r += 3;
            for (int c = 0; c < headers.length; c++) {
                help.value(r, c, headers[c]);
                help.style(r, c).bold().set();
            }
            r++;
            for (Column column : ledger.columns) {
                help.value(r, 0, column.chinese);
                help.value(r, 1, column.english);
                help.value(r, 2, ledger.isRequired(column) ? "是 yes" : "否 no");
                help.value(r, 3, column.description);
                help.value(r, 4, column.example);
                r++;
            }
            r++;
        }
        help.value(r, 0, "一个文件一类台账：CSV 由表头识别（有母亲公民身份号码为出生台账，有项目为奖励扶助对象），XLSX 读以类别命名的工作表"
                + "（或第一个工作表），也可用 kind 参数指定。先用 dryRun=true 检查，再正式导入。");
        help.value(r + 1, 0, "One kind of ledger a file: a CSV file's kind is found from its headers (a mother's "
                + "national ID: births; a programme: recipients), an XLSX workbook's from the sheet named for it (or "
                + "its first sheet), or named by the kind parameter. Check with dryRun=true first, then import.");
        help.width(0, 16);
        help.width(1, 22);
        help.width(2, 12);
        help.width(3, 70);
        help.width(4, 22);
        workbook.finish();
    }
}
