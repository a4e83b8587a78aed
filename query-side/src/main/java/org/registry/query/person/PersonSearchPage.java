package org.registry.query.person;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.query.api.RegisterReaders;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.registry.query.console.RegisterTables;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The console's person search: {@code GET /api/persons} (area, name prefix, national ID, birth date) as a page. */
@Controller
@Hidden
@ConsolePage
record PersonSearchPage(PersonQueriesController persons, RegisterTables tables) {

    @GetMapping("/console/registers/persons")
    String persons(@RequestParam(required = false) String areaCode,
                   @RequestParam(required = false) String name,
                   @RequestParam(required = false) String nationalId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                   @RequestParam(required = false) Integer page, Model model) {
        RegisterReaders.require();
        return tables.render(model, "persons", persons.persons(Filters.text(areaCode), Filters.text(name),
                        Filters.text(nationalId), birthDate, null, page, null),
                Filters.of("areaCode", areaCode).and("name", name).and("nationalId", nationalId)
                       .and("birthDate", birthDate).given());
    }
}
