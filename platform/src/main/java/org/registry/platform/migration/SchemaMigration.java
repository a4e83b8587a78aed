package org.registry.platform.migration;

/**
 * One module's Flyway migrations. Each module keeps its own history table, so the command side and the
 * query side can run as separate processes on one database and still migrate independently.
 *
 * @param name     the module, also the suffix of its history table ({@code flyway_history_<name>})
 * @param location where its scripts are, e.g. {@code classpath:db/eventstore}
 * @param order    lower runs first (the event store before the modules that read it)
 */
public record SchemaMigration(String name, String location, int order) {
}
