package org.registry.platform.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.Objects;

/**
 * An aggregate repository that keeps the aggregates it loaded in memory between commands, and uses one only after
 * asking the store for the aggregate's last sequence number (one indexed query): the same as the kept aggregate's
 * version, and the kept one is current; another, and it is dropped and the aggregate is read from its events, as
 * without the cache. So events that another process appended (a second command-side process, the split
 * deployment's writers, a bulk load straight into the store) are never missed, and a command costs one small query
 * instead of reading and replaying the aggregate's stream. Within a transaction that stored the aggregate's events
 * itself (a chunk of an import: a household loaded again for each member), not even that: the store's last sequence
 * number is the one the transaction stored ({@link StoredSequences}).
 *
 * <p>Axon keeps what it caches consistent within the process: an aggregate is locked while a command works on it,
 * put back when its unit of work commits, and dropped when it rolls back (a refused command included). The cache
 * holds weak references: the garbage collector frees aggregates not in use. Aggregates are created with their
 * no-argument constructor, as Axon's {@link GenericAggregateFactory} does, not as Spring beans.
 */
public final class CachedAggregates<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private CachedAggregates(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
    }

    /**
     * Makes the repositories: each a bean named {@code <aggregate>Repository} (Axon's Spring support then uses it for
     * the {@code @Aggregate} of that name), e.g. {@code Repository<Person> personRepository(CachedAggregates.Factory
     * aggregates) { return aggregates.repository(Person.class); }}. Handlers get their parameters as with Axon's own
     * repositories (the configuration's parameter resolvers and handler definition).
     */
    public record Factory(Configuration axon) {

        public <T> CachedAggregates<T> repository(Class<T> type) {
            AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                    axon.parameterResolverFactory(), axon.handlerDefinition(type));
            Cache cache = new WeakReferenceCache();
            EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                    .aggregateModel(model)
                    .aggregateFactory(new GenericAggregateFactory<>(model))
                    .eventStore(axon.eventStore())
                    .cache(cache)
                    .repositoryProvider(axon::repository)
                    .spanFactory(axon.getComponent(RepositorySpanFactory.class));
            return new CachedAggregates<>(builder, axon.eventStore(), cache);
        }
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (cache.containsKey(aggregateIdentifier)) {
            EventSourcedAggregate<T> kept = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
            Long last = StoredSequences.lastStored(aggregateIdentifier)
                    .orElseGet(() -> eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null));
            if (Objects.equals(kept.version(), last)) {
                return kept;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
