package org.registry.query;

import org.registry.query.export.EventExportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The query side as a process of its own (the split deployment): it tails the shared PostgreSQL event store
 * that a command-side process writes, and serves the reads.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySide.class)
public class QuerySideApplication {

    /** Starts the service; {@code export-events ...} runs the event export instead ({@link EventExportCommand}). */
    public static void main(String[] args) {
        if (EventExportCommand.requested(args)) {
            System.exit(EventExportCommand.run(args));
        }
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
