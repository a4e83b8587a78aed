package org.registry.app.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.registry.command.imports.ImportsController;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;
import org.registry.platform.web.Text;
import org.registry.query.console.ConsoleHeader;
import org.registry.query.console.ConsolePage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The console's imports: the list of the imports the user may read (a clerk's own, every one for auditors and
 * administrators) with each one's counts and, while it runs, its progress, rows a second and time left; and an
 * import's page with its rejected rows. Imports are the command side's and the console's layout the query side's,
 * which do not know each other: the app, which runs both, hosts these pages, and they render what the API's reads
 * ({@code GET /api/imports}, {@code GET /api/imports/{id}?outcome=REJECTED}) answer the signed-in user.
 */
@Controller
@Hidden
@ConsolePage
public class ImportPages {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ImportsController imports;
    private final ObjectMapper json;
    private final Clock clock;

    ImportPages(ImportsController imports, ObjectMapper json, Clock clock) {
        this.imports = imports;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/imports")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        common(model);
        Map<String, Object> answer = shown(imports.imports(page));
        @SuppressWarnings("unchecked") List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        items.forEach(this::localTimes);
        model.addAttribute("imports", answer);
        model.addAttribute("kinds", ImportsController.kinds());
        pages(model, page, answer.get("total"));
        return "console/imports";
    }

    /**
     * The upload form: the file imported (or, with the box ticked, only checked) as {@code POST /api/imports}, as
     * the kind chosen ({@code kind}; left empty, the file's own).
     */
    @PostMapping("/console/imports")
    String upload(@RequestParam MultipartFile file,
                  @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String kind,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  HttpServletRequest request) throws IOException {
        return "redirect:/console/imports/" + imports.upload(file, kind, dryRun, request);
    }

    /** The XLSX template, as {@code GET /api/imports/template}, with the console's session. */
    @GetMapping("/console/imports/template")
    ResponseEntity<byte[]> template() throws IOException {
        return imports.template();
    }

    @GetMapping("/console/imports/{importId}")
    String one(@PathVariable String importId, @RequestParam(defaultValue = "0") int page, Model model) {
        common(model);
        Map<String, Object> answer = shown(imports.rejectedRows(importId, page));
        localTimes(answer);
        model.addAttribute("run", answer);
        RegistryUser user = CurrentUser.get();
        model.addAttribute("mayRevert", "DONE".equals(answer.get("status")) && !Boolean.TRUE.equals(answer.get("dryRun"))
                && answer.get("revertedAt") == null && List.of("persons", "floating").contains(answer.get("kind"))
                && (user.has(Role.ADMIN) || user.has(Role.CLERK) && user.name().equals(answer.get("actor"))));
        model.addAttribute("reasonMax", TextLimits.REASON);
        @SuppressWarnings("unchecked") Map<String, Object> rows = (Map<String, Object>) answer.get("rows");
        pages(model, page, rows.get("total"));
        return "console/import";
    }

    /**
     * The revert form: the import taken back as {@code POST /api/imports/{id}/revert} takes it, then its page; when
     * later facts depend on its records (409 IMPORT_REVERT_BLOCKED) its page again, naming the blocking records.
     */
    @PostMapping("/console/imports/{importId}/revert")
    String revert(@PathVariable String importId,
                  @RequestParam(required = false) @Text(max = TextLimits.REASON, note = true) String reason,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        ResponseEntity<?> answer = imports.revert(importId, reason, request);
        if (answer.getBody() instanceof ProblemDetail problem && problem.getProperties() != null) {
            response.setStatus(answer.getStatusCode().value());
            model.addAttribute("blockers", json.convertValue(problem.getProperties().get("blockers"),
                    new TypeReference<List<Map<String, Object>>>() {
                    }));
            return one(importId, 0, model);
        }
        return "redirect:/console/imports/" + importId;
    }

    private void common(Model model) {
        RegistryUser user = ConsoleHeader.show(model);
        model.addAttribute("mayImport", user.has(Role.CLERK) || user.has(Role.ADMIN));
    }

    private static void pages(Model model, int page, Object total) {
        long count = total == null ? 0 : ((Number) total).longValue();
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (count + ImportsController.PAGE_SIZE - 1) / ImportsController.PAGE_SIZE));
    }

    /** The answer as the API writes it (JSON's values: text, numbers, lists and maps), for the templates. */
    private Map<String, Object> shown(Map<String, Object> answer) {
        return json.convertValue(answer, new TypeReference<>() {
        });
    }

    /** An import's instants in the registry's time zone, beside the instants themselves. */
    private void localTimes(Map<String, Object> run) {
        for (String field : List.of("startedAt", "finishedAt", "revertedAt")) {
            Object instant = run.get(field);
            run.put(field + "Local", instant == null ? "" : LOCAL.format(Instant.parse(instant.toString())
                    .atZone(clock.getZone())));
        }
    }
}
