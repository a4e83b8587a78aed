package org.registry.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.security.CurrentUser;
import org.registry.query.api.RegisterReaders;
import org.registry.query.console.ConsoleHeader;
import org.registry.query.console.ConsolePage;
import org.registry.query.console.Filters;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's monthly reports: the status list of an area and month ({@code GET /api/reports}) with the on-time
 * rate, and a report's figures as filed ({@code GET /api/reports/{id}}) with its XLSX and PDF documents, each the
 * answer of its API read masked as the API masks it; a report's page shows its revisions since filing
 * ({@code GET /api/reports/{id}/revisions}) too. Same roles as the API: clerks, auditors, administrators.
 */
@Controller
@Hidden
@ConsolePage
record ReportsPage(ReportQueriesController reports, PersonalDataMasking masking, ObjectMapper json, Clock clock) {

    @GetMapping("/console/reports")
    String list(@RequestParam(required = false) String areaCode, @RequestParam(required = false) String month,
                Model model) {
        RegisterReaders.require();
        String given = Filters.text(month);
        String shownMonth = given == null ? YearMonth.now(clock).minusMonths(1).toString() : given;
        String area = Filters.text(areaCode);
        ConsoleHeader.show(model);
        model.addAttribute("areaCode", area == null ? "" : area);
        model.addAttribute("month", shownMonth);
        model.addAttribute("list", area == null ? null
                : json.convertValue(masking.toJson(reports.list(area, shownMonth), CurrentUser.get()), Map.class));
        return "console/reports";
    }

    @GetMapping("/console/reports/{reportId}")
    String report(@PathVariable String reportId, HttpServletRequest request, Model model)
            throws JsonProcessingException {
        RegisterReaders.require();
        JsonNode report = masking.toJson(reports.report(reportId), CurrentUser.get());
        Map<String, String> figures = new LinkedHashMap<>();
        flatten("", report.path("figures"), figures);
        ConsoleHeader.show(model);
        model.addAttribute("report", json.convertValue(report, Map.class));
        model.addAttribute("figures", figures);
        // masked as the API masks it, read back into its records for the template
        model.addAttribute("revisions", json.treeToValue(masking.toJson(reports.revisions(reportId, request),
                CurrentUser.get()), ReportRevisionsView.class));
        model.addAttribute("zone", clock.getZone());
        return "console/report";
    }

    /** The report's document for the console's session: {@code GET /api/reports/{id}/document?format=}. */
    @GetMapping("/console/reports/{reportId}/document")
    ResponseEntity<StreamingResponseBody> document(@PathVariable String reportId,
                                                   @RequestParam(required = false) String format,
                                                   HttpServletRequest request) {
        RegisterReaders.require();
        return reports.document(reportId, format, request);
    }

    /** Each figure under its path ({@code indicators.births}), in the answer's order. */
    private static void flatten(String path, JsonNode node, Map<String, String> figures) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            fields.forEachRemaining(field ->
                    flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), figures));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), figures);
            }
        } else if (!node.isMissingNode()) {
            figures.put(path, node.isNull() ? "" : node.asText());
        }
    }
}
