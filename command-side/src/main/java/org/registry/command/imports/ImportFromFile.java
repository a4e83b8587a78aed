package org.registry.command.imports;

import org.registry.kernel.common.Require;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.registry.platform.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An import of a file on this machine, for the command line ({@code registry.jar import}): the {@link Importer} of
 * {@code POST /api/imports}, with its rules and metadata, as a user of the register, who must be a clerk or an
 * administrator as over HTTP (the area scope is checked row by row, as over HTTP). The file is read where it lies, a
 * row at a time; the run is listed by {@code GET /api/imports} like any other.
 */
@Component
public class ImportFromFile {

    private final Importer importer;
    private final ImportRuns runs;
    private final UserDetailsService users;

    ImportFromFile(Importer importer, ImportRuns runs, UserDetailsService users) {
        this.importer = importer;
        this.runs = runs;
        this.users = users;
    }

    /** An import done: its rows, and how many had each outcome ({@code registered}, {@code valid}...). */
    public record Summary(UUID importId, boolean dryRun, int totalRows, Map<String, Long> counts) {

        public long rejected() {
            return counts.getOrDefault("rejected", 0L);
        }
    }

    /**
     * Imports the file (a dry run only checks it) as the given user. Refuses, with the code the API answers, a file
     * that cannot be read or is no ledger ({@code IMPORT_FILE_*}, {@code IMPORT_COLUMNS_MISSING}...), a charset other
     * than UTF-8, GBK or GB18030, a kind of ledger the API does not list, a reason that is no valid text, a user the register does not know
     * ({@code USER_UNKNOWN}: the configured users, or the demo users where they are on) and one who is neither clerk
     * nor administrator ({@code FORBIDDEN}). An import that fails once started throws, and is {@code FAILED} in the
     * API.
     */
    public Summary run(Path file, boolean dryRun, String charsetName, String kindName, String reason,
                       String userName, RowsDone progress) throws IOException {
        UserDetails as;
        try {
            as = users.loadUserByUsername(userName);
        } catch (UsernameNotFoundException e) {
            throw RejectionException.notFound("as", "USER_UNKNOWN", "no user '" + userName + "' is configured");
        }
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext actor = SecurityContextHolder.createEmptyContext();
        actor.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(as, null, as.getAuthorities()));
        SecurityContextHolder.setContext(actor);
        try {
            return run(file, dryRun, charsetName, kindName, reason, CurrentUser.get(), progress);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private Summary run(Path file, boolean dryRun, String charsetName, String kindName, String reason,
                        RegistryUser user, RowsDone progress) throws IOException {
        if (!user.has(Role.CLERK) && !user.has(Role.ADMIN)) {
            throw RejectionException.forbidden("FORBIDDEN", "user '" + user.name() + "' is no clerk or administrator:"
                    + " only they import");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String reasonProblem = why == null ? null : Require.textProblem(why, TextLimits.REASON, true);
        if (reasonProblem != null) {
            throw RejectionException.invalid("reason", "VALIDATION_FAILED", "reason " + reasonProblem);
        }
        Charset charset = ImportsController.charset(charsetName);
        Ledger kind = Ledger.asked(kindName);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw RejectionException.invalid("file", "IMPORT_FILE_UNREADABLE", "cannot read the file " + file);
        }
        if (Files.size(file) == 0) {
            throw RejectionException.invalid("file", "IMPORT_FILE_EMPTY", "the file " + file + " is empty");
        }
        String name = file.getFileName().toString();
        String nameProblem = Require.textProblem(name, Importer.FILE_NAME, false);
        if (nameProblem != null) {
            throw RejectionException.invalid("file", "VALIDATION_FAILED", "the file's name " + nameProblem);
        }
        boolean xlsx = LedgerFile.looksLikeXlsx(file);
        if (xlsx && charset != null) {
            throw RejectionException.invalid("charset", "VALIDATION_FAILED", "charset goes with a CSV file only");
        }
        String sha256 = Importer.sha256(Files.newInputStream(file), OutputStream.nullOutputStream());
        Importer.Upload upload = new Importer.Upload(name, sha256,
                xlsx ? LedgerFile.Format.XLSX : LedgerFile.Format.CSV, file, charset, kind);
        return summary(importer.run(upload, dryRun, why, user, null, progress));
    }

    private Summary summary(UUID importId) {
        ImportRuns.Run run = runs.find(importId).orElseThrow();
        Map<ImportRuns.Outcome, Long> counts = runs.counts(importId);
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (ImportRuns.Outcome outcome : ImportRuns.Outcome.values()) {
            byOutcome.put(outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0L));
        }
        return new Summary(importId, run.dryRun(), run.totalRows(), byOutcome);
    }
}
