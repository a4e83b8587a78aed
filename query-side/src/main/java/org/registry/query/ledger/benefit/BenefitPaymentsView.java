package org.registry.query.ledger.benefit;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.registry.kernel.benefit.Programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The payments of the benefit ledger for a period (or for the periods that begin in [from, to]): one page of rows
 * ({@code items, page, size, total}) and the totals of all of them.
 */
public record BenefitPaymentsView(String areaCode,
                                  Programme programme,
                                  String period,
                                  LocalDate from,
                                  LocalDate to,
                                  List<PaymentRow> items,
                                  int page,
                                  int size,
                                  long total,
                                  Totals totals) {

    /**
     * @param recipients the persons paid (each once, however many payments)
     * @param amount     the sum paid, yuan
     */
    public record Totals(long recipients,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                         List<ProgrammeTotal> byProgramme) {
    }

    public record ProgrammeTotal(Programme programme,
                                 long recipients,
                                 @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
    }
}
