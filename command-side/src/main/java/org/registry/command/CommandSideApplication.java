package org.registry.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The command side as a process of its own (the split deployment): it stores events in the shared
 * PostgreSQL event store, which a query-side process tails.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandSide.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
