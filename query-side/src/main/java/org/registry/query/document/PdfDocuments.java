package org.registry.query.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes documents as printable A4 PDF (OpenPDF) with the CJK font embedded (Noto Sans SC, which the build takes
 * from a package registry into {@code fonts/}), so Chinese prints the same on any machine.
 */
public final class PdfDocuments {

    public static final String MEDIA_TYPE = "application/pdf";
    private static final String FONT = "fonts/NotoSansSC_400Regular.ttf";

    private static volatile byte[] fontBytes;

    private PdfDocuments() {
    }

    /** A font of the given size: the embedded CJK font, subset to the characters used. */
    public static Font font(float size, int style) {
        try {
            BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, fontBytes(),
                    null);
            return new Font(base, size, style);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the CJK font " + FONT + " cannot be used", e);
        }
    }

    private static byte[] fontBytes() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is not on the classpath: the build puts it there");
                }
                bytes = in.readAllBytes();
                fontBytes = bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    public static void write(Tabular tabular, String footer, OutputStream out) {
        Font title = font(16, Font.BOLD);
        Font heading = font(12, Font.BOLD);
        Font text = font(10, Font.NORMAL);
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            Paragraph head = new Paragraph(tabular.title(), title);
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingAfter(12);
            document.add(head);

            PdfPTable pairs = new PdfPTable(new float[] {1, 2});
            pairs.setWidthPercentage(100);
            for (Tabular.Pair pair : tabular.head()) {
                pairs.addCell(cell(pair.label(), text, false));
                pairs.addCell(cell(pair.value(), text, false));
            }
            document.add(pairs);

            for (Tabular.Section section : tabular.sections()) {
                Paragraph name = new Paragraph(section.title(), heading);
                name.setSpacingBefore(10);
                name.setSpacingAfter(4);
                document.add(name);
                PdfPTable table = new PdfPTable(new float[] {3, 1.2f, 1.2f, 1.2f});
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String column : tabular.columns()) {
                    table.addCell(cell(column, heading, false));
                }
                for (Tabular.Line line : section.lines()) {
                    table.addCell(cell(line.label(), text, false));
                    table.addCell(cell(text(line.value()), text, true));
                    table.addCell(cell(text(line.numerator()), text, true));
                    table.addCell(cell(text(line.denominator()), text, true));
                }
                document.add(table);
            }
            if (footer != null) {
                Paragraph end = new Paragraph(footer, font(8, Font.NORMAL));
                end.setSpacingBefore(12);
                document.add(end);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            document.close();
        }
    }

    /** A table of rows of text, for lists (a ledger, the public notice board), with a header row repeated per page. */
    public static PdfPTable table(List<String> columns, float[] widths, Font header) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        columns.forEach(column -> table.addCell(cell(column, header, false)));
        return table;
    }

    public static PdfPCell cell(String value, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setPadding(4);
        if (right) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
