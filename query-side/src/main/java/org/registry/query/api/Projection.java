package org.registry.query.api;

import org.axonframework.config.ProcessingGroup;
import org.springframework.util.ClassUtils;

import java.util.List;

/**
 * A read model that projection operations can replay and verify ({@code /api/admin/projections}): a bean with
 * {@code @ProcessingGroup}, whose event handlers write only to the tables it names here. Implementing it is all a
 * projection needs to be rebuilt into a shadow and swapped in, without going offline:
 *
 * <pre>{@code
 * @Component
 * @ProcessingGroup("migration-flows")
 * class MigrationFlows implements Projection {
 *     public List<String> tables() { return List.of("migration_flow", "migration_flow_end"); }
 *     ...
 * }}</pre>
 *
 * <p>The shadow is a second instance of the same class, built with the same constructor: a {@code JdbcTemplate},
 * {@code NamedParameterJdbcTemplate}, {@code JdbcClient} or {@code DataSource} parameter is given one bound to the
 * shadow's schema, every other parameter the application's bean. So a projection reads and writes its tables only
 * through those, and reads no other projection's tables. Its {@code JdbcTemplate} parameter marked
 * {@link ProjectionWrites} gets, live, the template that sends its inserts in batches, as the shadow's does.
 */
public interface Projection {

    /**
     * Every table the projection writes, parents first (rows are copied in this order, deleted in reverse). The
     * tables are created by the query side's Flyway migrations.
     */
    List<String> tables();

    /**
     * The indexes on its tables that only readers use, not its event handlers: a rebuild's shadow goes without them,
     * so a replay does not keep up indexes nobody reads there (the shadow's rows are copied into the live tables,
     * which keep theirs). An index not named here is kept, so one a handler reads by is never missing; a name that
     * is not an index of the shadow fails the rebuild.
     */
    default List<String> indexesForReaders() {
        return List.of();
    }

    /**
     * Said to a rebuild's own instance (the shadow's) before its first event; the live instance is never told. A
     * projection that keeps tables counted from its other rows (a tally) may leave them empty while it is rebuilt and
     * count them in {@link #rebuilt()}, from the rows, in one statement instead of a change at every event.
     */
    default void rebuilding() {
    }

    /**
     * Said to a rebuild's own instance once its processor has stopped, before the rebuild is compared with the live
     * projection or swapped in: it counts now what it left to count ({@link #rebuilding()}). A verification compares
     * what it counted with what the live instance counted event by event.
     */
    default void rebuilt() {
    }

    /** The processing group: the name of the projection in the API and of its tokens. */
    default String name() {
        ProcessingGroup group = ClassUtils.getUserClass(this).getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(ClassUtils.getUserClass(this).getName()
                    + " is a projection without @ProcessingGroup");
        }
        return group.value();
    }
}
