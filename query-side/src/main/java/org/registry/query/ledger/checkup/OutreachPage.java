package org.registry.query.ledger.checkup;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.registry.query.console.RegisterTables;
import org.registry.query.console.ShownPeriod;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The console's check-up outreach list: the eligible women not checked in the period, the {@code notChecked} page of
 * {@code GET /api/ledgers/check-ups} (the period defaults to this year up to today).
 */
@Controller
@Hidden
@ConsolePage
record OutreachPage(CheckUpLedgerController ledger, RegisterTables tables, Clock clock) {

    @GetMapping("/console/registers/outreach")
    String outreach(@RequestParam(required = false) String areaCode,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) Integer page, Model model) {
        ShownPeriod period = ShownPeriod.of(from, to, clock);
        return tables.render(model, "outreach",
                ledger.ledger(Filters.text(areaCode), period.from(), period.to(), page, null).notChecked(),
                Filters.of("areaCode", areaCode).and("from", period.from()).and("to", period.to()).given());
    }
}
