package org.registry.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.Commands;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;
import org.registry.platform.web.Problems;
import org.registry.platform.web.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports of an office's ledgers (api.md, "Imports"): a dry run, the import, its report and progress. The console's
 * imports pages (in the app, which hosts both sides) show what {@link #imports} and {@link #rejectedRows} answer.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports")
public class ImportsController {

    /** How many imports, or rejected rows, a console page shows. */
    public static final int PAGE_SIZE = 50;

    private static final String CSV = "text/csv";
    private static final int MAX_PAGE_SIZE = 500;
    private static final Map<String, Charset> CHARSETS = Map.of("UTF-8", StandardCharsets.UTF_8,
            "GBK", LedgerFile.CHINESE, "GB18030", LedgerFile.CHINESE);

    private final Importer importer;
    private final ImportRuns runs;
    private final ImportRevert revert;
    private final Commands commands;
    private final Clock clock;

    ImportsController(Importer importer, ImportRuns runs, ImportRevert revert, Commands commands, Clock clock) {
        this.importer = importer;
        this.runs = runs;
        this.revert = revert;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = {CSV, ImportTemplate.MEDIA_TYPE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a ledger (CSV or XLSX) of persons with their households, of floating residents, of "
            + "births, of this year's check-ups or of benefit recipients granted before the register; "
            + "dryRun=true only checks it",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = ImportTemplate.MEDIA_TYPE,
                            schema = @Schema(type = "string", format = "binary"))}))
    ResponseEntity<Map<String, Object>> importFile(
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Text(max = Importer.FILE_NAME) String fileName,
            @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
            @Schema(allowableValues = {"UTF-8", "GBK", "GB18030"}) String charset,
            @RequestParam(required = false) @Text(max = TextLimits.REASON, note = true) String reason,
            @RequestParam(required = false) @Text(max = TextLimits.TOKEN)
            @Schema(allowableValues = {"persons", "floating", "births", "check-ups", "recipients"}) String kind,
            HttpServletRequest request) throws IOException {
        RegistryUser user = CurrentUser.get();
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        MediaType type = MediaType.parseMediaType(request.getContentType());
        boolean xlsx = type.isCompatibleWith(MediaType.parseMediaType(ImportTemplate.MEDIA_TYPE));
        Charset csvCharset = charset(charset != null ? charset : type.getParameter("charset"));
        if (xlsx && charset != null) {
            throw RejectionException.invalid("charset", "VALIDATION_FAILED", "charset goes with a CSV file only");
        }
        Ledger ledger = Ledger.asked(kind);
        UUID id = run(request.getInputStream(), xlsx, name, csvCharset, ledger, why, user, request, dryRun);
        return ResponseEntity.created(URI.create("/api/imports/" + id))
                             .body(view(runs.find(id).orElseThrow(), ImportRuns.Outcome.REJECTED, 0, MAX_PAGE_SIZE));
    }

    /**
     * Imports a file uploaded with the console's form, as {@code POST /api/imports} imports the body: an XLSX
     * workbook by its name's ending, a CSV file otherwise (its character set found from its bytes); its kind the one
     * asked for ({@code kind}, one of the API's names; none: the file's own), 400 for a name of none.
     */
    public UUID upload(MultipartFile upload, String kind, boolean dryRun, HttpServletRequest request)
            throws IOException {
        String name = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename().strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > Importer.FILE_NAME) {
            throw RejectionException.invalid("file", "VALIDATION_FAILED",
                    "the file's name is longer than " + Importer.FILE_NAME + " characters");
        }
        boolean xlsx = name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        Ledger ledger = Ledger.asked(kind == null || kind.isBlank() ? null : kind.strip());
        try (InputStream body = upload.getInputStream()) {
            return run(body, xlsx, name.isEmpty() ? null : name, null, ledger, null, CurrentUser.get(), request,
                    dryRun);
        }
    }

    /** The kinds a file may be imported as, by the names {@code kind} takes. */
    public static List<String> kinds() {
        return Arrays.stream(Ledger.values()).map(kind -> kind.english).toList();
    }

    private UUID run(InputStream body, boolean xlsx, String name, Charset csvCharset, Ledger kind, String why,
                     RegistryUser user, HttpServletRequest request, boolean dryRun) throws IOException {
        Path file = Files.createTempFile("registry-import-", xlsx ? ".xlsx" : ".csv");
        try {
            // stored where the import reads it (memory stays bounded)
            String sha256 = Importer.sha256(body, Files.newOutputStream(file));
            if (Files.size(file) == 0) {
                throw RejectionException.invalid("file", "IMPORT_FILE_EMPTY", "the request has no file in its body");
            }
            if (xlsx != LedgerFile.looksLikeXlsx(file)) {
                throw RejectionException.invalid("file", "IMPORT_FILE_UNREADABLE", xlsx
                        ? "the body is not an XLSX workbook" : "the body is an XLSX workbook, sent as " + CSV);
            }
            Importer.Upload upload = new Importer.Upload(name != null ? name : xlsx ? "upload.xlsx" : "upload.csv",
                    sha256, xlsx ? LedgerFile.Format.XLSX : LedgerFile.Format.CSV, file, csvCharset, kind);
            return importer.run(upload, dryRun, why, user, request);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import: its counts, progress while it runs, and a page of its rows' outcomes")
    Map<String, Object> get(@PathVariable String importId,
                            @RequestParam(required = false) ImportRuns.Outcome outcome,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        paging(page, size);
        return view(readable(importId), outcome, page, size);
    }

    /** An import the user may see (and take back): a clerk's own, any for auditors and administrators. */
    private ImportRuns.Run readable(String importId) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            throw RejectionException.invalid("importId", "VALIDATION_FAILED", "importId is not a UUID");
        }
        return runs.find(id).filter(found -> mayRead(found, CurrentUser.get()))
                   .orElseThrow(() -> RejectionException.notFound("IMPORT_NOT_FOUND", "no import with id " + importId));
    }

    /** @param reason why the import is taken back: kept with every fact of the revert */
    record RevertRequest(@NotBlank @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    /**
     * Takes an import back for the console's form, as {@code POST /api/imports/{id}/revert} does: its answer (the
     * import, or the 409 IMPORT_REVERT_BLOCKED problem naming the blockers); 400 for a reason blank or too long.
     */
    public ResponseEntity<?> revert(String importId, String reason, HttpServletRequest request) {
        if (reason == null || reason.isBlank() || reason.length() > TextLimits.REASON) {
            throw RejectionException.invalid("reason", "VALIDATION_FAILED",
                    "reason is required, at most " + TextLimits.REASON + " characters");
        }
        return revert(importId, new RevertRequest(reason), request);
    }

    @PostMapping(value = "/{importId}/revert", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take an import back: the records it registered are entered in error (nothing is deleted); "
            + "refused, naming the blocking records, when a later fact depends on them")
    ResponseEntity<?> revert(@PathVariable String importId, @Valid @RequestBody RevertRequest body,
                             HttpServletRequest request) {
        ImportRuns.Run run = readable(importId);
        try {
            // an Idempotency-Key retried gets the first answer (a revert sent twice is otherwise refused the second time)
            return commands.once(body, request, () -> {
                ImportRevert.Outcome outcome = revert.revert(run, body, CurrentUser.get(), request);
                Map<String, Object> view = view(runs.find(run.importId()).orElseThrow(), ImportRuns.Outcome.REJECTED,
                        0, MAX_PAGE_SIZE);
                view.put("enteredInError", Map.of("persons", outcome.persons(), "households", outcome.households()));
                return ResponseEntity.ok().header(Commands.EVENT_POSITION, Long.toString(outcome.position()))
                                     .body(view);
            });
        } catch (ImportRevert.Blocked e) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "IMPORT_REVERT_BLOCKED", "import " + run.importId()
                    + " cannot be taken back: " + e.getMessage() + "; nothing was changed");
            problem.setProperty("blockers", e.blockers);
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(problem);
        }
    }

    @GetMapping
    @Operation(summary = "The imports, latest first: a clerk's own, every import for auditors and administrators")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        paging(page, size);
        String actor = seesAll(CurrentUser.get()) ? null : CurrentUser.get().name();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", runs.list(actor, page, size).stream().map(this::summary).toList());
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", runs.count(actor));
        return answer;
    }

    /** A page of the imports the signed-in user may read, as {@code GET /api/imports} answers it. */
    public Map<String, Object> imports(int page) {
        return list(page, PAGE_SIZE);
    }

    /** An import with a page of its rejected rows, as {@code GET /api/imports/{id}?outcome=REJECTED} answers it. */
    public Map<String, Object> rejectedRows(String importId, int page) {
        return get(importId, ImportRuns.Outcome.REJECTED, page, PAGE_SIZE);
    }

    @GetMapping(value = "/template", produces = ImportTemplate.MEDIA_TYPE)
    @Operation(summary = "The XLSX template: a sheet per kind of ledger with both header rows, and a sheet explaining "
            + "each column")
    public ResponseEntity<byte[]> template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(out);
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(ImportTemplate.MEDIA_TYPE))
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     "attachment; filename=\"registry-import.xlsx\"; "
                                             + "filename*=UTF-8''%E4%BA%BA%E5%8F%A3%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx")
                             .body(out.toByteArray());
    }

    private Map<String, Object> summary(ImportRuns.Run run) {
        Map<ImportRuns.Outcome, Long> counts = runs.counts(run.importId());
        long done = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("importId", run.importId());
        view.put("fileName", run.fileName());
        view.put("sha256", run.sha256());
        view.put("format", run.format());
        view.put("charset", run.charset());
        view.put("kind", run.kind().english);
        view.put("dryRun", run.dryRun());
        view.put("actor", run.actor());
        view.put("status", run.status());
        view.put("startedAt", run.startedAt());
        view.put("finishedAt", run.finishedAt());
        view.put("failure", run.failure());
        view.put("revertedBy", run.revert() == null ? null : run.revert().revertedBy());
        view.put("revertedAt", run.revert() == null ? null : run.revert().revertedAt());
        view.put("revertReason", run.revert() == null ? null : run.revert().reason());
        view.put("totalRows", run.totalRows());
        view.put("rowsDone", done);
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (ImportRuns.Outcome outcome : ImportRuns.Outcome.values()) {
            byOutcome.put(outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0L));
        }
        view.put("counts", byOutcome);
        Importer.Rate rate = Importer.Rate.of(done, run.totalRows(), run.startedAt(),
                run.finishedAt() != null ? run.finishedAt() : clock.instant());
        view.put("rowsPerSecond", rate.perSecond());
        view.put("secondsLeft", run.status() == ImportRuns.Status.RUNNING ? rate.secondsLeft() : Long.valueOf(0));
        return view;
    }

    private Map<String, Object> view(ImportRuns.Run run, ImportRuns.Outcome outcome, int page, int size) {
        Map<String, Object> view = summary(run);
        List<ImportRuns.RowOutcome> rows = runs.rows(run.importId(), outcome, page, size);
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("outcome", outcome);
        items.put("items", rows.stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", row.row());
            item.put("outcome", row.outcome());
            item.put("personId", row.personId());
            item.put("householdId", row.householdId());
            item.put("problems", row.problems());
            return item;
        }).toList());
        items.put("page", page);
        items.put("size", size);
        @SuppressWarnings("unchecked") Map<String, Long> counts = (Map<String, Long>) view.get("counts");
        items.put("total", outcome == null ? (Long) view.get("rowsDone")
                : counts.get(outcome.name().toLowerCase(Locale.ROOT)));
        view.put("rows", items);
        return view;
    }

    private static boolean seesAll(RegistryUser user) {
        return user.has(Role.ADMIN) || user.has(Role.AUDITOR);
    }

    private static boolean mayRead(ImportRuns.Run run, RegistryUser user) {
        return seesAll(user) || run.actor().equals(user.name());
    }

    private static void paging(int page, int size) {
        if (page < 0) {
            throw RejectionException.invalid("page", "VALIDATION_FAILED", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw RejectionException.invalid("size", "VALIDATION_FAILED", "size is 1 to " + MAX_PAGE_SIZE);
        }
    }

    /** The charset a CSV file is named in (the API's parameter, the command line's option); null for none. */
    static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        Charset charset = CHARSETS.get(name);
        if (charset == null) {
            throw RejectionException.invalid("charset", "VALIDATION_FAILED",
                    "charset is UTF-8, GBK or GB18030, not '" + name + "'");
        }
        return charset;
    }
}
