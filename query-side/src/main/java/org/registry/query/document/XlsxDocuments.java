package org.registry.query.document;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/** Writes a {@link Tabular} document as one sheet of an XLSX workbook (Apache POI). */
public final class XlsxDocuments {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDocuments() {
    }

    public static void write(Tabular document, String sheetName, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle strong = workbook.createCellStyle();
            strong.setFont(bold);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));

            int r = 0;
            Cell title = sheet.createRow(r++).createCell(0);
            title.setCellValue(document.title());
            title.setCellStyle(strong);
            for (Tabular.Pair pair : document.head()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(pair.label());
                row.createCell(1).setCellValue(pair.value());
            }
            for (Tabular.Section section : document.sections()) {
                r++;
                Cell heading = sheet.createRow(r++).createCell(0);
                heading.setCellValue(section.title());
                heading.setCellStyle(strong);
                Row columns = sheet.createRow(r++);
                for (int c = 0; c < document.columns().size(); c++) {
                    Cell cell = columns.createCell(c);
                    cell.setCellValue(document.columns().get(c));
                    cell.setCellStyle(strong);
                }
                for (Tabular.Line line : section.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.label());
                    put(row, 1, line.value(), decimal);
                    put(row, 2, line.numerator(), decimal);
                    put(row, 3, line.denominator(), decimal);
                }
            }
            sheet.setColumnWidth(0, 36 * 256);
            for (int c = 1; c < 4; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            workbook.write(out);
        }
    }

    private static void put(Row row, int column, Object value, CellStyle decimal) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(decimal);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.longValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
