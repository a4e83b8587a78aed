package org.registry.query.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A register's page in the console: a page of the register as its API read answers the signed-in user (masked as the
 * API masks it), with the read's filters as a form. Each register's page lives with its read and calls it; this
 * renders the answer.
 */
@Component
public record RegisterTables(PersonalDataMasking masking, ObjectMapper json, ConsoleAreas areas) {

    /**
     * @param register the register's name: its page is {@code /console/registers/<register>}, its title the message
     *                 {@code console.register.<register>}
     * @param answer   what the API's read answered: a page ({@code items, page, size, total})
     * @param filters  the read's parameters as given (null for none), in the form's order
     */
    public String render(Model model, String register, Object answer, Map<String, String> filters) {
        RegistryUser user = CurrentUser.get();
        JsonNode shown = masking.toJson(answer, user);
        JsonNode items = shown.path("items");
        List<String> columns = new ArrayList<>();
        if (items.size() > 0) {
            Iterator<String> names = items.get(0).fieldNames();
            names.forEachRemaining(columns::add);
        }
        int page = shown.path("page").asInt();
        int size = Math.max(1, shown.path("size").asInt(1));
        long total = shown.path("total").asLong();
        Map<String, String> given = new LinkedHashMap<>();
        filters.forEach((name, value) -> given.put(name, value == null ? "" : value));
        ConsoleHeader.show(model, user);
        model.addAttribute("areas", areas.visibleTo(user));
        model.addAttribute("register", register);
        model.addAttribute("filters", given);
        model.addAttribute("columns", columns);
        model.addAttribute("records", json.convertValue(items, Object.class));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
        model.addAttribute("previous", page > 0 ? pageLink(register, given, page - 1) : null);
        model.addAttribute("next", (long) (page + 1) * size < total ? pageLink(register, given, page + 1) : null);
        return "console/register";
    }

    private static String pageLink(String register, Map<String, String> filters, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/registers/" + register);
        filters.forEach((name, value) -> {
            if (!value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).build().encode().toUriString();
    }
}
