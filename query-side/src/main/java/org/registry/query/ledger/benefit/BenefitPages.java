package org.registry.query.ledger.benefit;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.RegisterTables;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's benefit pages: the claims ledger ({@code GET /api/ledgers/benefit-claims}) and the notice board
 * ({@code GET /api/public-notices}), each as its API read answers the signed-in user.
 */
@Controller
@Hidden
@ConsolePage
class BenefitPages {

    private final BenefitLedgerController ledger;
    private final RegisterTables tables;

    BenefitPages(BenefitLedgerController ledger, RegisterTables tables) {
        this.ledger = ledger;
        this.tables = tables;
    }

    @GetMapping("/console/registers/benefit-claims")
    String claims(@RequestParam(required = false) String areaCode,
                  @RequestParam(required = false) Integer page, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("areaCode", areaCode);
        return tables.render(model, "benefit-claims", ledger.claims(blank(areaCode), null, null, page, null), filters);
    }

    @GetMapping("/console/registers/notices")
    String notices(@RequestParam(required = false) String areaCode,
                   @RequestParam(required = false) Integer page, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("areaCode", areaCode);
        return tables.render(model, "notices", ledger.notices(blank(areaCode), page, null), filters);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
