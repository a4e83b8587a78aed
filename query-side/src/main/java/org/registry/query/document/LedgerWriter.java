package org.registry.query.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a ledger row by row as it is read, never holding it whole: CSV (UTF-8 with a byte-order mark, which Excel
 * needs to read UTF-8, or GBK, what Excel in China reads without one) or XLSX (POI's streaming SXSSF, a window of
 * rows in memory, the rest flushed to a temporary file). Each row is the JSON a reader of the API gets for the
 * record, already masked for that reader; a column is a JSON pointer into it.
 */
public abstract class LedgerWriter implements AutoCloseable {

    public static final String CSV = "text/csv";

    /** A column: its label (from the message bundle) and where its value is in the row's JSON. */
    public record Column(String label, String pointer) {
    }

    protected final List<Column> columns;

    protected LedgerWriter(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static LedgerWriter csv(List<Column> columns, Charset charset, OutputStream out) {
        return new Csv(columns, charset, out);
    }

    public static LedgerWriter xlsx(List<Column> columns, String sheetName, OutputStream out) {
        return new Xlsx(columns, sheetName, out);
    }

    /** The charset of a CSV: {@code GBK} on request, UTF-8 (with a byte-order mark) otherwise. */
    public static Charset charset(String requested) {
        if (requested == null || requested.isBlank() || requested.equalsIgnoreCase("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        if (requested.equalsIgnoreCase("GBK")) {
            return Charset.forName("GBK");
        }
        throw org.registry.kernel.common.RejectionException.invalid("charset", "VALIDATION_FAILED",
                "charset is UTF-8 (the default) or GBK");
    }

    public abstract void row(JsonNode row);

    /** A last row of totals: label in the first column, the values under the named columns. */
    public abstract void totals(String label, java.util.Map<String, String> byPointer);

    @Override
    public abstract void close();

    protected static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? "" : value.isValueNode()
                ? value.asText() : value.toString();
    }

    private static final class Csv extends LedgerWriter {

        private final Writer out;

        Csv(List<Column> columns, Charset charset, OutputStream stream) {
            super(columns);
            this.out = new BufferedWriter(new OutputStreamWriter(stream, charset), 64 * 1024);
            try {
                if (charset.equals(StandardCharsets.UTF_8)) {
                    out.write('\uFEFF');
                }
                line(columns.stream().map(Column::label).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(JsonNode row) {
            line(columns.stream().map(column -> text(row.at(column.pointer()))).toList());
        }

        @Override
        public void totals(String label, java.util.Map<String, String> byPointer) {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(i == 0 ? label : byPointer.getOrDefault(columns.get(i).pointer(), ""));
            }
            line(cells);
        }

        private void line(List<String> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(quoted(cells.get(i)));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** RFC 4180; a cell starting with =, +, - or @ is prefixed by ' so that Excel never runs it as a formula. */
        private static String quoted(String cell) {
            String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
                    ? "'" + cell : cell;
            if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
                return safe;
            }
            return '"' + safe.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends LedgerWriter {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final SXSSFSheet sheet;
        private final OutputStream out;
        private int next;

        Xlsx(List<Column> columns, String sheetName, OutputStream out) {
            super(columns);
            this.out = out;
            this.sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).label());
            }
        }

        @Override
        public void row(JsonNode row) {
            Row line = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                JsonNode value = row.at(columns.get(i).pointer());
                if (value.isNumber()) {
                    line.createCell(i).setCellValue(value.asDouble());
                } else {
                    line.createCell(i).setCellValue(text(value));
                }
            }
        }

        @Override
        public void totals(String label, java.util.Map<String, String> byPointer) {
            Row line = sheet.createRow(next++);
            line.createCell(0).setCellValue(label);
            for (int i = 1; i < columns.size(); i++) {
                String value = byPointer.get(columns.get(i).pointer());
                if (value != null) {
                    line.createCell(i).setCellValue(new java.math.BigDecimal(value).doubleValue());
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // the temporary files are gone already (dispose)
                }
            }
        }
    }
}
