package org.registry.query.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.person.Sex;
import org.registry.kernel.query.PageView;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.query.api.Paging;
import org.registry.query.api.Report;
import org.registry.query.dashboard.DashboardQueries;
import org.registry.query.dashboard.PersonFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The office console's pages: sign-in, the dashboard of an area and period, and the records behind each figure.
 * They read the same query-side reads as the JSON API, for the same user and area scope, and show what the API
 * would answer that user: values go through {@link PersonalDataMasking} as the API's answers do.
 */
@Controller
@Hidden
record ConsolePages(DashboardQueries dashboards, ConsoleAreas areas, PersonalDataMasking masking, ObjectMapper json,
                    Clock clock) {

    private static final DateTimeFormatter LOCAL_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/dashboard";
    }

    @GetMapping("/console/dashboard")
    String dashboard(@RequestParam(required = false) String areaCode,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String knownAt,
                     Model model) {
        RegistryUser user = CurrentUser.get();
        String given = Filters.text(areaCode);
        String area = given != null ? given : areas.first(user);
        ShownPeriod period = ShownPeriod.of(from, to, clock);
        LocalDate start = period.from();
        LocalDate end = period.to();
        common(model, user, area, start, end, knownAt);
        if (area == null) {
            return "console/dashboard";
        }
        Report report = report(area, start, end, knownAt);
        JsonNode indicators = shown(dashboards.indicators(report), user);
        model.addAttribute("ind", tree(indicators));
        // the instant the figures are as known at, in the registry's time zone, as the officer entered it
        model.addAttribute("knownAtShown", indicators.path("knownAt").isTextual()
                ? LOCAL_INSTANT.format(Instant.parse(indicators.path("knownAt").asText()).atZone(clock.getZone()))
                : null);
        model.addAttribute("indicatorsJson", text(indicators));
        model.addAttribute("balanceJson", text(shown(dashboards.balance(report), user)));
        JsonNode births = shown(dashboards.birthsByMonth(report), user);
        model.addAttribute("births", tree(births));
        model.addAttribute("birthsJson", text(births));
        JsonNode pyramid = shown(dashboards.pyramid(report), user);
        model.addAttribute("pyramid", tree(pyramid));
        model.addAttribute("pyramidJson", text(pyramid));
        JsonNode coverage = shown(dashboards.coverageByCommunity(report), user);
        model.addAttribute("coverage", tree(coverage));
        model.addAttribute("coverageJson", text(coverage));
        return "console/dashboard";
    }

    @GetMapping("/console/figures/{figure}")
    String figure(@PathVariable String figure,
                  @RequestParam String areaCode,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String knownAt,
                  @RequestParam(required = false) Sex sex,
                  @RequestParam(required = false) Integer ageFrom,
                  @RequestParam(required = false) Integer ageTo,
                  @RequestParam(required = false) Integer page,
                  Model model) {
        RegistryUser user = CurrentUser.get();
        common(model, user, areaCode, from, to, knownAt);
        PersonFilter filter = new PersonFilter(sex, ageFrom, ageTo);
        PageView<?> records = dashboards.drillDown(figure, report(areaCode, from, to, knownAt), filter,
                Paging.of(page, Paging.DEFAULT_SIZE));
        model.addAttribute("filter", filter);
        JsonNode shown = shown(records, user);
        List<String> columns = new ArrayList<>();
        if (shown.get("items").size() > 0) {
            Iterator<String> names = shown.get("items").get(0).fieldNames();
            names.forEachRemaining(columns::add);
        }
        model.addAttribute("figure", figure);
        model.addAttribute("columns", columns);
        model.addAttribute("records", tree(shown));
        model.addAttribute("page", records.page());
        model.addAttribute("pages", Math.max(1, (records.total() + records.size() - 1) / records.size()));
        return "console/figure";
    }

    /** A refusal of the reads (an area outside the user's scope, a bad date) shown as a page, not as JSON. */
    @ExceptionHandler(RejectionException.class)
    String refused(RejectionException e, Model model) {
        model.addAttribute("message", e.getMessage());
        CurrentUser.find().ifPresent(user -> model.addAttribute("user", user));
        return "console/refused";
    }

    private void common(Model model, RegistryUser user, String area, LocalDate from, LocalDate to, String knownAt) {
        ConsoleHeader.show(model, user);
        model.addAttribute("areas", areas.visibleTo(user));
        model.addAttribute("areaCode", area);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("knownAt", knownAt == null ? "" : knownAt);
        model.addAttribute("links", new ConsoleLinks(area, from, to, knownAt));
    }

    private Report report(String area, LocalDate from, LocalDate to, String knownAt) {
        return Report.asked(area, from, to, knownAt, clock.getZone());
    }

    private JsonNode shown(Object value, RegistryUser user) {
        return masking.toJson(value, user);
    }

    private Object tree(JsonNode node) {
        return json.convertValue(node, Object.class);
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
