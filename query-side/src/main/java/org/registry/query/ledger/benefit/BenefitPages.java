package org.registry.query.ledger.benefit;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.registry.query.console.RegisterTables;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's benefit pages: the claims ledger ({@code GET /api/ledgers/benefit-claims}) and the notice board
 * ({@code GET /api/public-notices}), each as its API read answers the signed-in user.
 */
@Controller
@Hidden
@ConsolePage
record BenefitPages(BenefitLedgerController ledger, RegisterTables tables) {

    @GetMapping("/console/registers/benefit-claims")
    String claims(@RequestParam(required = false) String areaCode,
                  @RequestParam(required = false) Integer page, Model model) {
        return tables.render(model, "benefit-claims", ledger.claims(Filters.text(areaCode), null, null, page, null),
                Filters.of("areaCode", areaCode).given());
    }

    @GetMapping("/console/registers/notices")
    String notices(@RequestParam(required = false) String areaCode,
                   @RequestParam(required = false) Integer page, Model model) {
        return tables.render(model, "notices", ledger.notices(Filters.text(areaCode), page, null),
                Filters.of("areaCode", areaCode).given());
    }
}
