package org.registry.query.household;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.kernel.household.HouseholdKind;
import org.registry.query.api.RegisterReaders;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.registry.query.console.RegisterTables;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's household register: {@code GET /api/households} for the signed-in user, as a page. */
@Controller
@Hidden
@ConsolePage
record HouseholdsPage(HouseholdQueriesController households, RegisterTables tables) {

    @GetMapping("/console/registers/households")
    String households(@RequestParam(required = false) String areaCode,
                      @RequestParam(required = false) HouseholdKind kind,
                      @RequestParam(required = false) Integer page, Model model) {
        RegisterReaders.require();
        return tables.render(model, "households", households.households(Filters.text(areaCode), kind, page, null),
                Filters.of("areaCode", areaCode).and("kind", kind).given());
    }
}
