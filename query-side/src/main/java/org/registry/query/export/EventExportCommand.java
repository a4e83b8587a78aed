package org.registry.query.export;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.registry.platform.eventstore.EventStoreConfiguration;
import org.registry.platform.eventstore.StoredEvents;
import org.registry.platform.privacy.PersonalDataMasking;
import org.registry.platform.upcasting.PostalCodeOutOfAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The event export as a command, to a file:
 *
 * <pre>java -jar app/target/registry.jar export-events --output=events.ndjson [--after=0] [--types=A,B] [--limit=n]
 *     [--unmasked] [--spring.datasource.url=...]</pre>
 *
 * <p>It starts no web server, no event processor and no migration: only what reads the store (the database settings
 * are the service's, overridden the usual way). It writes the lines of {@code GET /api/events}, all events after
 * {@code --after} unless {@code --limit} says otherwise, and ends, with exit code 0 once written. Personal data is
 * masked, as for an analyst, unless {@code --unmasked} is given: a file travels further than an HTTP answer, so
 * the safe form is the default, and whoever runs this has the database credentials anyway and may ask for the rest.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JacksonAutoConfiguration.class})
@ComponentScan(basePackageClasses = PostalCodeOutOfAddress.class)
@Import(PersonalDataMasking.class)
public class EventExportCommand implements ApplicationRunner, ExitCodeGenerator {

    /** The first argument that selects this command instead of the service. */
    public static final String NAME = "export-events";

    private static final Logger log = LoggerFactory.getLogger(EventExportCommand.class);

    private final JdbcTemplate jdbc;
    private final List<EventUpcaster> upcasters;
    private final PersonalDataMasking masking;
    private final Duration gapTimeout;
    private int exitCode;

    EventExportCommand(JdbcTemplate jdbc, List<EventUpcaster> upcasters, PersonalDataMasking masking,
                       @Value("${registry.export.gap-timeout:10s}") Duration gapTimeout) {
        this.jdbc = jdbc;
        this.upcasters = upcasters;
        this.masking = masking;
        this.gapTimeout = gapTimeout;
    }

    /** True when the arguments ask for this command rather than the service. */
    public static boolean requested(String... args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the export and answers the process's exit code. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplicationBuilder(EventExportCommand.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .build();
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            log.error("export-events failed: {}", e.getMessage());
            return 1;
        }
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        String output = single(arguments, "output");
        if (output == null || output.isBlank()) {
            log.error("export-events needs --output=<file>");
            exitCode = 2;
            return;
        }
        long after = Long.parseLong(orElse(single(arguments, "after"), "0"));
        long limit = Long.parseLong(orElse(single(arguments, "limit"), Long.toString(Long.MAX_VALUE)));
        boolean unmasked = arguments.containsOption("unmasked");
        if (unmasked) {
            log.warn("export-events --unmasked: the file holds personal data (names, identity numbers, health "
                    + "results); keep it where the register itself is kept");
        }
        StoredEvents store = new StoredEvents(jdbc, EventStoreConfiguration.storageSerializer(),
                () -> new EventUpcasterChain(upcasters));
        EventExport export = new EventExport(store, masking, gapTimeout);
        EventExport.Written written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(output)))) {
            written = export.write(out, after, EventExport.types(single(arguments, "types")), limit, !unmasked);
        }
        log.info("export-events wrote {} event(s) to {}{}; to continue, run again with --after={}", written.lines(),
                output, unmasked ? "" : " (personal data masked)", written.last());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static String single(ApplicationArguments arguments, String option) {
        List<String> values = arguments.getOptionValues(option);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
