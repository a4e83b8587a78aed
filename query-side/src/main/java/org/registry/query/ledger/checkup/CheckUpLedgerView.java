package org.registry.query.ledger.checkup;

import org.registry.kernel.query.PageView;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The check-up ledger of an area and period: {@code checked} of {@code eligible} women had a check-up in the
 * period, {@code coverageRate} percent (one decimal, half up; null when none is eligible), and the page of those
 * who had none.
 */
public record CheckUpLedgerView(String areaCode,
                                LocalDate from,
                                LocalDate to,
                                long eligible,
                                long checked,
                                BigDecimal coverageRate,
                                PageView<OutreachEntry> notChecked) {
}
