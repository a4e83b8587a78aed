package org.registry.platform.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.registry.kernel.common.Ids;

/**
 * The identifiers of Axon's messages, events included, as time-ordered UUIDs ({@link Ids#next()}): the store's
 * unique index on {@code event_identifier} then grows at its end instead of at a random page for every event.
 * Axon finds this factory by the service loader ({@code META-INF/services/org.axonframework.common.IdentifierFactory}).
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return Ids.next().toString();
    }
}
