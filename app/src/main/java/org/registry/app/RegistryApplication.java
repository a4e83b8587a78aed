package org.registry.app;

import org.registry.app.imports.ImportPages;
import org.registry.command.CommandSide;
import org.registry.query.QuerySide;
import org.registry.query.export.EventExportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The registry in one process: the command side and the query side on one database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSide.class, QuerySide.class, ImportPages.class})
public class RegistryApplication {

    /**
     * Starts the service; {@code export-events ...} runs the event export instead ({@link EventExportCommand}),
     * {@code import ...} the import of a ledger ({@link ImportCommand}).
     */
    public static void main(String[] args) {
        if (EventExportCommand.requested(args)) {
            System.exit(EventExportCommand.run(args));
        }
        if (ImportCommand.requested(args)) {
            System.exit(ImportCommand.run(args));
        }
        SpringApplication.run(RegistryApplication.class, args);
    }
}
