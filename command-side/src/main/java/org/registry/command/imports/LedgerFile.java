package org.registry.command.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.registry.kernel.common.RejectionException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A ledger file read a row at a time, whatever its size: CSV by Apache Commons CSV, XLSX (the sheet named for the
 * kind of ledger asked for, else its first) by FastExcel's streaming reader; one kind of ledger a file. The first row names the columns (in Chinese or English); a second row of headers,
 * as the template has, is skipped. Columns the registry does not know are ignored and named.
 */
final class LedgerFile implements Closeable {

    enum Format { CSV, XLSX }

    /** GB18030 reads everything GBK (as Excel in China saves CSV) wrote, and more. */
    static final Charset CHINESE = Charset.forName("GB18030");
    private static final Set<Integer> BUILT_IN_DATE_FORMATS = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34,
            35, 36, 50, 51, 52, 53, 54, 57, 58);

    private final Closeable source;
    private final Iterator<List<String>> cells;
    private final Iterator<Integer> numbers;
    private final Map<Integer, Column> columns;
    private final List<String> ignored;
    private final Format format;
    private final Charset charset;
    private final Ledger ledger;
    private List<String> pending;
    private int pendingNumber;

    private LedgerFile(Closeable source, Iterator<List<String>> cells, Iterator<Integer> numbers, Format format,
                       Charset charset, Ledger asked, String sheetName) {
        this.source = source;
        this.cells = cells;
        this.numbers = numbers;
        this.format = format;
        this.charset = charset;
        if (!cells.hasNext()) {
            throw RejectionException.invalid("file", "IMPORT_FILE_EMPTY", "the file has no header row");
        }
        List<String> header = cells.next();
        numbers.next();
        Map<Integer, Column> named = new LinkedHashMap<>();
        this.columns = new LinkedHashMap<>();
        this.ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            int index = i;
            Column.byHeader(name).ifPresentOrElse(column -> {
                if (named.containsValue(column)) {
                    throw RejectionException.invalid("file", "IMPORT_COLUMN_REPEATED",
                            "the column " + column.label() + " is named twice in the header");
                }
                named.put(index, column);
            }, () -> ignored.add(name.strip()));
        }
        this.ledger = asked != null ? asked
                : Ledger.ofSheet(sheetName).orElseGet(() -> Ledger.ofHeaders(Set.copyOf(named.values())));
        named.forEach((index, column) -> {
            if (ledger.columns.contains(column)) {
                columns.put(index, column);
            } else {
                ignored.add(header.get(index).strip());
            }
        });
        List<String> missing = ledger.requiredColumns().stream().filter(column -> !columns.containsValue(column))
                                     .map(Column::label).toList();
        if (!missing.isEmpty()) {
            throw RejectionException.invalid("file", "IMPORT_COLUMNS_MISSING",
                    "the header row lacks the required column(s) " + String.join(", ", missing) + " of a "
                            + ledger.english + " ledger"
                            + (ignored.isEmpty() ? "" : "; it has column(s) it does not use " + String.join(", ", ignored)));
        }
        advance();
        if (pending != null && isSecondHeader(pending)) {
            advance();
        }
    }

    /**
     * Opens a file of the given format; a CSV file in the given charset, or the one its bytes show.
     *
     * @param kind the kind of ledger asked for; null to find it from the sheet's name or the headers
     */
    static LedgerFile open(Path file, Format format, Charset charset, Ledger kind) throws IOException {
        return format == Format.CSV ? csv(file, charset != null ? charset : charsetOf(file), kind) : xlsx(file, kind);
    }

    /** A byte-order mark or bytes that are all valid UTF-8 say UTF-8; anything else is taken as GBK (GB18030). */
    static Charset charsetOf(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                                      .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // reading is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CHINESE;
        }
    }

    /** Whether the bytes begin as an XLSX (a ZIP) file does. */
    static boolean looksLikeXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ReadableWorkbook.isOOXMLZipHeader(in.readNBytes(8));
        }
    }

    private static LedgerFile csv(Path file, Charset charset, Ledger kind) throws IOException {
        InputStream bytes = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        // blank lines are records too (and skipped below), so that a record's number is the row Excel shows
        CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get()
                                            .parse(new InputStreamReader(bytes, charset));
        Iterator<CSVRecord> records = parser.iterator();
        RowNumbers numbers = new RowNumbers();
        Iterator<List<String>> cells = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw unreadable(e);
                }
            }

            @Override
            public List<String> next() {
                try {
                    CSVRecord record = records.next();
                    numbers.number = (int) record.getRecordNumber();
                    return record.toList();
                } catch (UncheckedIOException e) {
                    throw unreadable(e);
                }
            }
        };
        try {
            return new LedgerFile(parser, cells, numbers, Format.CSV, charset, kind, null);
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    private static LedgerFile xlsx(Path file, Ledger kind) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw RejectionException.invalid("file", "IMPORT_FILE_UNREADABLE",
                    "the file is not a readable XLSX workbook: " + e.getMessage());
        }
        try {
            // the sheet named for the kind asked for, else the first: one kind a file
            Sheet sheet = kind == null ? workbook.getFirstSheet() : workbook.getSheets()
                    .filter(each -> Ledger.ofSheet(each.getName()).filter(kind::equals).isPresent()).findFirst()
                    .orElseGet(workbook::getFirstSheet);
            Iterator<Row> rows = sheet.openStream().iterator();
            RowNumbers numbers = new RowNumbers();
            Iterator<List<String>> cells = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public List<String> next() {
                    Row row = rows.next();
                    numbers.number = row.getRowNum();
                    List<String> texts = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        texts.add(text(row.getCell(i)));
                    }
                    return texts;
                }
            };
            return new LedgerFile(workbook, cells, numbers, Format.XLSX, null, kind, sheet.getName());
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e instanceof RejectionException rejection ? rejection
                    : RejectionException.invalid("file", "IMPORT_FILE_UNREADABLE",
                    "the file is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** The row numbers of the rows the cells came from, as the reader saw them. */
    private static final class RowNumbers implements Iterator<Integer> {
        private int number;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Integer next() {
            return number;
        }
    }

    /**
     * A cell as the office sees it: text as typed, a number without an exponent or trailing zeros, a date
     * (a number formatted as a date) as YYYY-MM-DD.
     */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDate(cell)) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && BUILT_IN_DATE_FORMATS.contains(id)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase();
        return bare.contains("y") || bare.contains("d") && bare.contains("m");
    }

    private static RejectionException unreadable(UncheckedIOException e) {
        return RejectionException.invalid("file", "IMPORT_FILE_UNREADABLE",
                "the file is not readable CSV: " + e.getCause().getMessage());
    }

    private void advance() {
        pending = null;
        while (cells.hasNext()) {
            List<String> next = cells.next();
            pendingNumber = numbers.next();
            if (next.stream().anyMatch(text -> text != null && !text.isBlank())) {
                pending = next;
                return;
            }
        }
    }

    /** A row whose every named cell is the header of its own column: the template's second header row. */
    private boolean isSecondHeader(List<String> row) {
        return columns.entrySet().stream().allMatch(entry -> entry.getKey() < row.size()
                && Column.byHeader(row.get(entry.getKey())).filter(entry.getValue()::equals).isPresent());
    }

    Format format() {
        return format;
    }

    /** The kind of ledger the file is read as. */
    Ledger ledger() {
        return ledger;
    }

    /** The charset a CSV file is read in; null for XLSX. */
    Charset charset() {
        return charset;
    }

    /** The headers the registry does not know, ignored. */
    List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    /** The rows after the header(s), read as they are consumed; blank rows are skipped. */
    Stream<LedgerRow> rows() {
        Iterator<LedgerRow> iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public LedgerRow next() {
                Map<Column, String> values = new EnumMap<>(Column.class);
                for (Map.Entry<Integer, Column> column : columns.entrySet()) {
                    String text = column.getKey() < pending.size() ? pending.get(column.getKey()) : null;
                    if (text != null && !text.isBlank()) {
                        values.put(column.getValue(), text.strip());
                    }
                }
                LedgerRow row = new LedgerRow(pendingNumber, values);
                advance();
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    public String toString() {
        return format + " " + columns.values().stream().map(Column::name).collect(Collectors.joining(","));
    }
}
