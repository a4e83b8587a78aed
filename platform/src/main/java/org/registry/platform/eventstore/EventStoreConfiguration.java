package org.registry.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.registry.platform.processing.AxonTokens;
import org.registry.platform.processing.ProcessingConfiguration;
import org.registry.platform.processing.ReplayEventSource;
import org.registry.platform.processing.WakingEventSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.concurrent.TimeUnit;

/**
 * How events are stored and serialized.
 *
 * <p>Events, metadata, tokens and snapshots are JSON text (Jackson), in {@code VARCHAR} columns so that an
 * analyst can read them with SQL ({@code payload::jsonb}) and no large objects are created. The store is Axon's
 * JDBC engine on the application's own database (PostgreSQL, or H2 in the embedded default), unless the
 * Axon Server connector is switched on, in which case Axon Server stores the events and only tokens, projections
 * and lookups stay in the database.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    /** The JSON mapping of stored messages, kept apart from the HTTP mapper so web settings never change events. */
    public static ObjectMapper storageObjectMapper() {
        return JsonMapper.builder()
                         .findAndAddModules()
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return storageSerializer();
    }

    /** How events, tokens and snapshots are serialized: also for readers of the store outside Axon (the export). */
    public static Serializer storageSerializer() {
        return JacksonSerializer.builder()
                                .objectMapper(storageObjectMapper())
                                .revisionResolver(new AnnotationRevisionResolver())
                                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /** Who, in which role, why, and which request: copied from each command onto every event it causes. */
    @Bean
    public CorrelationDataProvider auditMetaDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetaData.KEYS);
    }

    /** {@code causationId}: the message that caused this one; {@code correlationId}: the request it all began with. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(AuditMetaData.CAUSATION_ID, AuditMetaData.CORRELATION_ID);
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TokenStoreProperties properties) {
        return tokenStore(connectionProvider, serializer, properties.getClaimTimeout());
    }

    /**
     * The token store on the {@code token_entry} table of whatever schema the connections use: the application's,
     * or the shadow schema a projection is rebuilt in.
     */
    public static TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                        java.time.Duration claimTimeout) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .serializer(serializer)
                             .contentType(String.class)
                             .schema(AxonTokens.SCHEMA)
                             .claimTimeout(claimTimeout)
                             .build();
    }

    /** The event table in snake_case, as analysts read it. */
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable("domain_event_entry")
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .timestampColumn("time_stamp")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    /** The command side's aggregate repositories: kept in memory, checked against the store at every load. */
    @Bean
    public CachedAggregates.Factory cachedAggregates(Configuration axon) {
        return new CachedAggregates.Factory(axon);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    static class DatabaseEventStore {

        /** Events read in one query, of an aggregate's stream or by a live processor (Axon's default). */
        static final int BATCH_SIZE = 100;

        @Bean
        public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                     Serializer serializer,
                                                     Configuration configuration,
                                                     ConnectionProvider connectionProvider,
                                                     TransactionManager transactionManager) {
            JdbcEventStorageEngine.Builder builder = storageEngine(BATCH_SIZE, eventSerializer, serializer,
                    configuration, connectionProvider, transactionManager);
            return new DatabaseStorageEngine(builder);
        }

        /**
         * What a projection's rebuild reads: the same store, a thousand events a query. Not the engine of the store
         * (a second engine bean would be taken for it), one of its own; it never appends.
         */
        @Bean
        public ReplayEventSource replayEventSource(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                   Serializer serializer,
                                                   Configuration configuration,
                                                   ConnectionProvider connectionProvider,
                                                   TransactionManager transactionManager,
                                                   EventStoreProperties properties) {
            return new ReplayEventSource(storageEngine(ReplayEventSource.BATCH_SIZE, eventSerializer, serializer,
                    configuration, connectionProvider, transactionManager).build(), properties.fetchDelay());
        }

        private static JdbcEventStorageEngine.Builder storageEngine(int batchSize, Serializer eventSerializer,
                                                                    Serializer serializer,
                                                                    Configuration configuration,
                                                                    ConnectionProvider connectionProvider,
                                                                    TransactionManager transactionManager) {
            return JdbcEventStorageEngine.builder()
                                         .eventSerializer(eventSerializer)
                                         .snapshotSerializer(serializer)
                                         .dataType(String.class)
                                         .schema(eventSchema())
                                         .upcasterChain(configuration.upcasterChain())
                                         // An aggregate's stream ends at the first batch shorter than asked for (the
                                         // query's row limit is exact on PostgreSQL and H2): without this, every load
                                         // asks once more and gets nothing, a round trip in every command.
                                         .finalAggregateBatchPredicate(batch -> batch.size() < batchSize)
                                         .batchSize(batchSize)
                                         // PostgreSQL reports unique violations by SQL state only (23505); without
                                         // this, two writers racing on one aggregate would surface as a 500.
                                         .persistenceExceptionResolver(new SQLStateResolver("23505"))
                                         .connectionProvider(connectionProvider)
                                         .transactionManager(transactionManager);
        }

        /**
         * The store in front of the engine. Appends in this process wake its tailing processors once they commit
         * ({@link TransactionAwareEventStore}); the fetch delay bounds how late events written by another process
         * (the split deployment) are seen.
         */
        @Bean(name = "eventBus")
        @Qualifier("eventStore")
        public EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                     EventStoreProperties properties) {
            return new TransactionAwareEventStore(EmbeddedEventStore.builder()
                    .storageEngine(storageEngine)
                    .fetchDelay(properties.fetchDelay().toMillis())
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
        }

        /** What pooled processors read: the store, waking them when events arrive (see {@link WakingEventSource}). */
        @Bean
        public WakingEventSource wakingEventSource(EventStore eventStore, EventStoreProperties properties,
                                                   ProcessingConfiguration.ProcessingProperties processing) {
            WakingEventSource source = new WakingEventSource(eventStore, properties.fetchDelay(),
                    processing.wakeUpDelay());
            eventStore.subscribe(events -> {
                if (!events.isEmpty()) {
                    source.afterCommit();
                }
            });
            return source;
        }

        @Bean
        public EventPositions eventPositions(NamedParameterJdbcTemplate jdbc) {
            return EventPositions.database(jdbc);
        }

        /** The store read with global positions, for the audit trail and the event export. */
        @Bean
        public StoredEvents storedEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                                         Configuration configuration) {
            return new StoredEvents(jdbc, eventSerializer, configuration::upcasterChain);
        }
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    public EventPositions axonServerEventPositions(EventStore eventStore) {
        return EventPositions.head(eventStore);
    }
}
