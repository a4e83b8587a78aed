package org.registry.query.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.RegisterReaders;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers a ledger as a streamed CSV or XLSX download: the rows are read by a cursor inside a read-only transaction
 * while the answer is written, each masked for the caller exactly as the JSON API masks it (the row is written to
 * JSON by {@link PersonalDataMasking} and the columns read from that JSON).
 */
@Component
public record LedgerExports(PersonalDataMasking masking, MessageSource messages,
                            PlatformTransactionManager transactions) {

    /** Rows fetched from the database at a time. */
    public static final int FETCH_SIZE = 500;

    /**
     * The area of a download, which every ledger download requires (a whole county's register is large: the caller
     * names it), narrowed to the caller's scope by the reads themselves.
     */
    public static String requiredArea(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            throw RejectionException.invalid("areaCode", "VALIDATION_FAILED", "areaCode is required");
        }
        return areaCode;
    }

    /**
     * The template of a download's cursor: the same data source, fetching {@link #FETCH_SIZE} rows at a time (on
     * PostgreSQL a cursor only inside a transaction, which {@link #export} holds while it writes).
     */
    public static org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate cursor(
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
        org.springframework.jdbc.core.JdbcTemplate cursor =
                new org.springframework.jdbc.core.JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(FETCH_SIZE);
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(cursor);
    }

    /**
     * A download whose reads run while it is written, in one read-only transaction: on PostgreSQL a cursor (see
     * {@link #cursor}) lives only inside one.
     */
    public StreamingResponseBody readingWhileWritten(Consumer<OutputStream> write) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return out -> readOnly.executeWithoutResult(status -> write.accept(out));
    }

    /**
     * A register's download (the person index, the household register): for those who read the registers themselves
     * ({@link RegisterReaders}), of the area the caller names, narrowed to their scope.
     */
    public ResponseEntity<StreamingResponseBody> register(String name, Map<String, String> columns, String areaCode,
                                                          String format, String charset, HttpServletRequest request,
                                                          Function<AreaFilter, Rows> rows) {
        RegisterReaders.require();
        AreaFilter area = AreaFilter.forCaller(requiredArea(areaCode));
        return export(name, columns, format, charset, request, rows.apply(area), null);
    }

    /** A row source: calls its argument with every row, in order. */
    public interface Rows {
        void each(Consumer<Object> row);
    }

    /**
     * @param columns   column label keys of the message bundle, each with the JSON pointer of its value
     * @param totals    computed over the rows written, or null: the last row, by JSON pointer
     */
    public ResponseEntity<StreamingResponseBody> export(String name, Map<String, String> columns, String format,
                                                        String charset, HttpServletRequest request, Rows rows,
                                                        Totals totals) {
        boolean xlsx = "xlsx".equals(format);
        if (!xlsx && format != null && !"csv".equals(format)) {
            throw RejectionException.invalid("format", "VALIDATION_FAILED", "format is csv (the default) or xlsx");
        }
        Charset encoding = LedgerWriter.charset(charset);
        Labels labels = new Labels(messages, DocumentLocale.of(request));
        List<LedgerWriter.Column> header = columns.entrySet().stream()
                .map(column -> new LedgerWriter.Column(labels.get(column.getKey()), column.getValue())).toList();
        ObjectMapper mapper = masking.mapper(PersonalDataMasking.masksFor(CurrentUser.get()));
        String totalLabel = labels.get("document.total");
        StreamingResponseBody body = readingWhileWritten(out -> {
            try (LedgerWriter writer = xlsx ? LedgerWriter.xlsx(header, name, out)
                    : LedgerWriter.csv(header, encoding, out)) {
                rows.each(row -> {
                    com.fasterxml.jackson.databind.JsonNode json = mapper.valueToTree(row);
                    if (totals != null) {
                        totals.add(json);
                    }
                    writer.row(json);
                });
                if (totals != null) {
                    writer.totals(totalLabel, totals.values());
                }
            }
        });
        MediaType type = xlsx ? MediaType.parseMediaType(XlsxDocuments.MEDIA_TYPE)
                : new MediaType("text", "csv", encoding);
        return Attachments.of(name + (xlsx ? ".xlsx" : ".csv"), type, body);
    }

    /** Totals that sum the decimal values at the given JSON pointers (an empty or missing value adds nothing). */
    public static Totals sum(String... pointers) {
        Map<String, java.math.BigDecimal> sums = new java.util.LinkedHashMap<>();
        for (String pointer : pointers) {
            sums.put(pointer, java.math.BigDecimal.ZERO);
        }
        return new Totals() {
            @Override
            public void add(com.fasterxml.jackson.databind.JsonNode row) {
                sums.replaceAll((pointer, sum) -> {
                    com.fasterxml.jackson.databind.JsonNode value = row.at(pointer);
                    return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? sum
                            : sum.add(new java.math.BigDecimal(value.asText()));
                });
            }

            @Override
            public Map<String, String> values() {
                Map<String, String> values = new java.util.LinkedHashMap<>();
                sums.forEach((pointer, sum) -> values.put(pointer, sum.toPlainString()));
                return values;
            }
        };
    }

    /** Totals of a ledger, kept while its rows are written. */
    public interface Totals {
        void add(com.fasterxml.jackson.databind.JsonNode row);

        Map<String, String> values();
    }
}
