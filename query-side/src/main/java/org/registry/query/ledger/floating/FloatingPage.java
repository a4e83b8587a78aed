package org.registry.query.ledger.floating;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.registry.query.console.RegisterTables;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/**
 * The console's floating-population register with its certificates' expiry: {@code GET /api/ledgers/floating-population}
 * as a page (IN entries on a day, filtered by certificate: EXPIRED, EXPIRING, VALID, NONE).
 */
@Controller
@Hidden
@ConsolePage
record FloatingPage(FloatingRegisterController register, RegisterTables tables) {

    @GetMapping("/console/registers/floating")
    String floating(@RequestParam(required = false) String areaCode,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) CertificateStatus certificate,
                    @RequestParam(required = false) Integer page, Model model) {
        return tables.render(model, "floating", register.entries(Filters.text(areaCode), Direction.IN, asOf, null, null,
                        certificate, null, page, null),
                Filters.of("areaCode", areaCode).and("asOf", asOf).and("certificate", certificate).given());
    }
}
