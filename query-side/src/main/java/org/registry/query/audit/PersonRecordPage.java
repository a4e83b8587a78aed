package org.registry.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;
import org.registry.query.console.ConsoleHeader;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's page of a person's record: its current state and, for the readers of the audit trail (auditors,
 * administrators, analysts, as in the API), the trail with both clocks (the day each fact happened, the instant it
 * was recorded, by whom, in which role, why) and a slider that shows the record as it stood after each recording.
 * Everything comes from the audit trail's own reads ({@link AuditController}), masked for the reader as they are.
 */
@Controller
@Hidden
record PersonRecordPage(AuditController audit, ObjectMapper json, Clock clock, MessageSource messages) {

    @GetMapping("/console/persons/{personId}")
    String person(@PathVariable String personId, Model model) {
        RegistryUser user = ConsoleHeader.show(model);
        boolean readsTrail = user.has(Role.AUDITOR) || user.has(Role.ADMIN) || user.has(Role.ANALYST);
        model.addAttribute("personId", personId);
        model.addAttribute("readsTrail", readsTrail);
        JsonNode current;
        if (readsTrail) {
            List<AuditEntry> trail = audit.personTrail(personId);
            List<JsonNode> states = new ArrayList<>(audit.personAfterEachEntry(personId));
            for (int i = 0; i < trail.size(); i++) {
                if ("PersonEnteredInError".equals(trail.get(i).type())) {
                    // from its entry in error on, the record is on the register no more: its last state, marked so
                    ObjectNode marked = json.createObjectNode().put("enteredInError", true);
                    states.set(i, marked.setAll((ObjectNode) states.get(i)));
                }
            }
            current = states.get(states.size() - 1);
            model.addAttribute("trail", trail);
            model.addAttribute("zone", clock.getZone());
            model.addAttribute("statesJson", text(json.valueToTree(states)));
            model.addAttribute("labelsJson", text(json.valueToTree(labels(states))));
        } else {
            // a clerk reads the record as GET /api/persons/{id} answers it: within their areas only
            current = audit.personAsOf(personId, clock.instant().toString());
            JsonNode community = current.get("communityCode");
            if (community != null && !community.isNull()) {
                CurrentUser.requireScope(CommunityCode.of(community.asText()));
            }
        }
        model.addAttribute("current", json.convertValue(current, Object.class));
        return "console/person";
    }

    /**
     * The bundle's label of each coded value the states hold ({@code MALE} → 男, {@code PERMANENT} → 常住), for the
     * slider to show them as the current state's table does.
     */
    private Map<String, String> labels(List<JsonNode> states) {
        Map<String, String> labels = new TreeMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (JsonNode state : states) {
            state.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    String value = field.getValue().asText();
                    String label = messages.getMessage("console.value." + value, null, null, locale);
                    if (label != null) {
                        labels.put(value, label);
                    }
                }
            });
        }
        return labels;
    }

    @ExceptionHandler(RejectionException.class)
    String refused(RejectionException e, Model model) {
        model.addAttribute("message", e.getMessage());
        CurrentUser.find().ifPresent(user -> model.addAttribute("user", user));
        return "console/refused";
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
