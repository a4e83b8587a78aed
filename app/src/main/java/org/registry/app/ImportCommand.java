package org.registry.app;

import org.registry.command.CommandSideApplication;
import org.registry.command.imports.ImportFromFile;
import org.registry.kernel.common.RejectionException;
import org.springframework.boot.Banner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The import of an office's ledger from the command line, for files too large to send over HTTP:
 *
 * <pre>java -jar app/target/registry.jar import --file=ledger.csv --as=clerk [--dry-run] [--charset=GBK]
 *     [--kind=births] [--reason=...] [--spring.datasource.url=...]</pre>
 *
 * <p>It runs {@code POST /api/imports}'s importer ({@link ImportFromFile}) in a command-side context of its own on
 * the service's database (its settings, overridden the usual way), without a web server or the query side's
 * projections (the service's catch up with the events when it runs). The user named by {@code --as} is one the
 * service knows (configured, or a demo user where they are on), and must be a clerk or an administrator with the
 * rows' areas in scope, as over HTTP. Progress goes to standard output: a bar redrawn in place on a terminal, a
 * line every few seconds otherwise; then a summary naming the import, whose every row {@code GET /api/imports/{id}}
 * reports. Exit codes: {@value #DONE} every row registered, matched (or valid, in a dry run); {@value #REJECTED} the
 * import ran and refused some rows; {@value #FAILED} it could not run or failed on the way (the database, e.g. the
 * embedded one open in the service); {@value #USAGE} wrong options, a file that cannot be read or is no ledger, an
 * unknown user or one who may not import.
 */
final class ImportCommand {

    /** The first argument that selects this command instead of the service. */
    static final String NAME = "import";
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REJECTED = 3;

    private static final List<String> OPTIONS = List.of("file", "as", "dry-run", "charset", "kind", "reason",
            "help");
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int BAR_WIDTH = 30;
    private static final List<String> QUIET = List.of(LoggingSystem.ROOT_LOGGER_NAME,
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");

    static final String USAGE_TEXT = """
            Usage: java -jar registry.jar import --file=PATH --as=USER [--dry-run] [--charset=UTF-8|GBK|GB18030]
                                             [--kind=persons|floating|births|check-ups|recipients] [--reason=TEXT]
                                             [--spring.datasource.url=...]
              --file      a ledger, CSV or XLSX (the columns of GET /api/imports/template)
              --as        the user importing: a clerk or an administrator the service knows
              --dry-run   check every row by the import's rules and store nothing but the report
              --charset   a CSV file's charset, when its bytes do not tell (UTF-8, else GBK is assumed)
              --kind      the kind of ledger (an XLSX file's sheet named for it); else found from the file
              --reason    kept with every event the import records
            Runs on the service's database (spring.datasource.* as for the service); the embedded H2 database is
            opened by one process at a time: stop the service first. Exit codes: 0 every row imported or matched,
            3 some rows refused (see GET /api/imports/{importId}), 1 the import failed, 2 wrong options, an
            unreadable file or a user who may not import.""";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    private ImportCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** True when the arguments ask for this command rather than the service. */
    static boolean requested(String... args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the import, printing to standard output (a progress bar when it is a terminal); answers the exit code. */
    static int run(String... args) {
        return run(System.out, System.err, System.console() != null, args);
    }

    /** Runs the import, printing progress and summary to out, problems to err; answers the exit code. */
    static int run(PrintStream out, PrintStream err, boolean terminal, String... args) {
        return new ImportCommand(out, err, terminal).execute(args);
    }

    private int execute(String... args) {
        DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
        if (arguments.containsOption("help")) {
            out.println(USAGE_TEXT);
            return DONE;
        }
        String file = single(arguments, "file");
        String user = single(arguments, "as");
        if (file == null || file.isBlank() || user == null || user.isBlank()) {
            return usage("import needs --file=PATH and --as=USER");
        }
        List<String> unknown = arguments.getOptionNames().stream()
                .filter(option -> !OPTIONS.contains(option) && !option.contains(".")).sorted().toList();
        if (!unknown.isEmpty() || arguments.getNonOptionArgs().size() > 1) {
            return usage("import does not know " + (unknown.isEmpty() ? arguments.getNonOptionArgs().subList(1,
                    arguments.getNonOptionArgs().size()) : unknown.stream().map(option -> "--" + option).toList()));
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            err.println("import: cannot read the file " + path.toAbsolutePath() + " (IMPORT_FILE_UNREADABLE)");
            return USAGE;
        }
        boolean dryRun = arguments.containsOption("dry-run");
        Bar bar = new Bar();
        LoggingSystem logging = LoggingSystem.get(ImportCommand.class.getClassLoader());
        Map<String, LogLevel> levels = new LinkedHashMap<>();
        QUIET.forEach(logger -> levels.put(logger, logging.getLoggerConfiguration(logger) == null ? null
                : logging.getLoggerConfiguration(logger).getConfiguredLevel()));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the progress and the summary are the output, with a line for a failure: the log says only errors,
                // and a failure to start (the stack trace of a database in use) is that line
                .properties(QUIET.stream().map(logger -> "logging.level." + logger + "="
                        + (logger.equals(LoggingSystem.ROOT_LOGGER_NAME) ? "ERROR" : "OFF")).toArray(String[]::new))
                .run(args)) {
            out.printf("%s %s (%,d bytes): counting its rows, then %s%n", dryRun ? "Checking" : "Importing",
                    path, Files.size(path), dryRun ? "checking each" : "importing each");
            bar.start(System.nanoTime());
            ImportFromFile.Summary summary = context.getBean(ImportFromFile.class).run(path, dryRun,
                    single(arguments, "charset"), single(arguments, "kind"), single(arguments, "reason"), user,
                    bar::rowsDone);
            bar.finish();
            return report(summary, bar);
        } catch (RejectionException e) {
            err.println("import: " + e.getMessage() + " (" + e.rejection().code() + ")");
            return USAGE;
        } catch (IOException e) {
            err.println("import: cannot read the file " + path.toAbsolutePath() + ": " + e.getMessage()
                    + " (IMPORT_FILE_UNREADABLE)");
            return USAGE;
        } catch (RuntimeException e) {
            if (databaseInUse(e)) {
                err.println("import: the embedded database is open in another process (the service?): stop "
                        + "it first, H2's file database admits one process at a time");
            } else {
                err.println((bar.importId == null ? "import" : "import " + bar.importId + " (FAILED in GET "
                        + "/api/imports)") + " failed: " + rootMessage(e));
            }
            return FAILED;
        } finally {
            // in-process (a test) the log goes on as it was
            levels.forEach(logging::setLogLevel);
        }
    }

    private int usage(String problem) {
        err.println("import: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private int report(ImportFromFile.Summary summary, Bar bar) {
        String counts = summary.counts().entrySet().stream()
                .filter(count -> !summary.dryRun() || !count.getKey().equals("registered"))
                .filter(count -> summary.dryRun() || !count.getKey().equals("valid"))
                .map(count -> count.getValue() + " " + count.getKey()).collect(Collectors.joining(", "));
        out.printf("%s %s: %d rows in %s: %s%n", summary.dryRun() ? "Dry run" : "Import", summary.importId(),
                summary.totalRows(), seconds(bar.elapsed()), counts);
        if (summary.dryRun()) {
            out.println("Nothing was stored but the report.");
        }
        out.println("Every row's outcome: GET /api/imports/" + summary.importId()
                + (summary.rejected() > 0 ? " (the refused ones: ?outcome=REJECTED)" : ""));
        return summary.rejected() > 0 ? REJECTED : DONE;
    }

    /** Rows done of the total, rows per second and the time left: redrawn in place, or a line every few seconds. */
    private final class Bar {

        private static final long REDRAW = Duration.ofMillis(200).toNanos();
        private static final long LINE = Duration.ofSeconds(5).toNanos();

        private long started;
        private long printed;
        private UUID importId;
        private int done;
        private int total;
        private long finished;

        void start(long now) {
            started = now;
            printed = now;
        }

        void rowsDone(UUID id, int rowsDone, int rowsTotal) {
            importId = id;
            done = rowsDone;
            total = rowsTotal;
            long now = System.nanoTime();
            if (now - printed >= (terminal ? REDRAW : LINE)) {
                printed = now;
                print(now);
            }
        }

        void finish() {
            finished = System.nanoTime();
            print(finished);
            if (terminal) {
                out.println();
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(finished - started);
        }

        private void print(long now) {
            double seconds = Math.max(now - started, 1) / 1e9;
            double perSecond = done / seconds;
            String left = done == 0 || done >= total ? "" : ", about " + seconds(Duration.ofMillis(
                    Math.round((total - done) / perSecond * 1000))) + " left";
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            String line = String.format("%d/%d rows (%d%%), %.0f rows/s%s", done, total, percent, perSecond, left);
            if (terminal) {
                int filled = BAR_WIDTH * percent / 100;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + line + "\033[K");
                out.flush();
            } else {
                out.println(line);
            }
        }
    }

    private static String seconds(Duration duration) {
        long s = duration.toSeconds();
        return s < 60 ? String.format("%.1f s", duration.toMillis() / 1000.0)
                : s < 3600 ? String.format("%d min %02d s", s / 60, s % 60)
                : String.format("%d h %02d min", s / 3600, s % 3600 / 60);
    }

    private static boolean databaseInUse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static String single(DefaultApplicationArguments arguments, String option) {
        List<String> values = arguments.getOptionValues(option);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
