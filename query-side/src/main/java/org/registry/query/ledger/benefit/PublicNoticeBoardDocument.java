package org.registry.query.ledger.benefit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.registry.query.document.Labels;
import org.registry.query.document.PdfDocuments;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The public-notice board (公示) as a printable A4 PDF: the entries of {@code GET /api/public-notices}, masked as on
 * the board (a {@link PublicNotice} is masked for every reader), written while they are read, the table added to the
 * document every {@value #ROWS_AT_A_TIME} rows so that a long board is never held whole.
 */
final class PublicNoticeBoardDocument {

    static final int ROWS_AT_A_TIME = 100;

    private PublicNoticeBoardDocument() {
    }

    static void write(String areaCode, Labels labels, ZoneId zone, LocalDateTime generatedAt,
                      Consumer<Consumer<PublicNotice>> notices, OutputStream out) {
        Font title = PdfDocuments.font(16, Font.BOLD);
        Font heading = PdfDocuments.font(9, Font.BOLD);
        Font text = PdfDocuments.font(9, Font.NORMAL);
        Document document = new Document(PageSize.A4, 36, 36, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            Paragraph head = new Paragraph(labels.get("notice.title"), title);
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingAfter(6);
            document.add(head);
            document.add(new Paragraph(labels.get("notice.area") + "：" + areaCode + "    "
                    + labels.get("document.generatedAt") + "：" + generatedAt.withNano(0).toString().replace('T', ' '),
                    text));
            Paragraph explanation = new Paragraph(labels.get("notice.explanation"), text);
            explanation.setSpacingAfter(8);
            document.add(explanation);

            PdfPTable table = PdfDocuments.table(List.of(labels.get("notice.column.programme"),
                    labels.get("document.column.name"), labels.get("document.column.nationalId"),
                    labels.get("document.column.communityCode"), labels.get("notice.column.status"),
                    labels.get("notice.column.startedAt"), labels.get("notice.column.endsAt"),
                    labels.get("notice.column.objections")), new float[] {2.4f, 1, 2.2f, 1.8f, 1, 1.5f, 1.5f, 0.8f},
                    heading);
            table.setComplete(false);
            int[] rows = {0};
            notices.accept(notice -> {
                table.addCell(PdfDocuments.cell(labels.get("report.programme." + notice.programme().name()), text,
                        false));
                table.addCell(PdfDocuments.cell(notice.name(), text, false));
                table.addCell(PdfDocuments.cell(notice.nationalId(), text, false));
                table.addCell(PdfDocuments.cell(notice.communityCode(), text, false));
                table.addCell(PdfDocuments.cell(labels.get("notice.status." + notice.status().name()), text, false));
                table.addCell(PdfDocuments.cell(day(notice.noticeStartedAt(), zone), text, false));
                table.addCell(PdfDocuments.cell(day(notice.noticeEndsAt(), zone), text, false));
                table.addCell(PdfDocuments.cell(Integer.toString(notice.openObjections()), text, true));
                if (++rows[0] % ROWS_AT_A_TIME == 0) {
                    add(document, table);
                }
            });
            table.setComplete(true);
            document.add(table);
            Paragraph total = new Paragraph(labels.get("document.total") + "：" + rows[0], text);
            total.setSpacingBefore(8);
            document.add(total);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            document.close();
        }
    }

    private static void add(Document document, PdfPTable table) {
        try {
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String day(java.time.Instant instant, ZoneId zone) {
        return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
    }
}
