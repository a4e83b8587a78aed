package org.registry.platform.processing;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.registry.platform.eventstore.EventPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Event processors default to pooled streaming: several events a transaction, the token stored in the same
 * database transaction as the projection rows, claims extended while a long batch runs. A handler that fails
 * is never skipped: the error propagates, the batch rolls back, and the processor retries with back-off.
 * On the database event store they read through {@link WakingEventSource}, which wakes them when events arrive.
 * Every failed batch and every commit is reported to the {@link ProcessorMonitor}, which tells when one stalls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProcessingConfiguration.ProcessingProperties.class,
        ProcessorMonitor.HealthSettings.class})
public class ProcessingConfiguration {

    @Bean
    AxonTokens axonTokens(JdbcTemplate jdbc, Serializer serializer) {
        return new AxonTokens(jdbc, serializer);
    }

    @Bean
    ProcessorPositions processorPositions(AxonTokens tokens, EventProcessingConfiguration processing) {
        return new ProcessorPositions(tokens, processing);
    }

    @Bean
    ProcessorMonitor processorMonitor(EventProcessingConfiguration processing, ProcessorPositions positions,
                                      EventPositions store, ProcessorMonitor.HealthSettings settings,
                                      ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new ProcessorMonitor(processing, positions, store, settings, meters.getIfAvailable(), clock);
    }

    @Bean
    ConfigurerModule processingDefaults(ProcessingProperties properties, ObjectProvider<WakingEventSource> source,
                                        ObjectProvider<ProcessorMonitor> monitor) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    source.ifAvailable(builder::messageSource);
                    // A processing group without tokens starts at the first event, so a projection added to a running
                    // register catches up with everything recorded before it. (Axon's default also starts there, but as
                    // a replay, which handlers marked @DisallowReplay would skip.)
                    return builder.initialToken(StreamableMessageSource::createTailToken)
                                  .batchSize(properties.batchSize())
                                  .initialSegmentCount(properties.initialSegmentCount())
                                  .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                                  .claimExtensionThreshold(properties.claimExtensionThreshold().toMillis())
                                  .enableCoordinatorClaimExtension();
                })
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> monitor.getObject())
                .registerDefaultHandlerInterceptor((config, processor) ->
                        monitor.getObject().successRecorder(processor));
    }

    /**
     * {@code registry.processing.*}
     *
     * @param batchSize               events handled in one transaction
     * @param initialSegmentCount     segments a new processor starts with: one keeps the global order of events,
     *                                more spread a projection over threads and nodes
     * @param tokenClaimInterval      how often an idle node tries to claim unclaimed segments
     * @param claimExtensionThreshold how long a batch may run before its claim is extended
     * @param wakeUpDelay             how long after a commit in this process the processors are woken, so that they
     *                                take the events of the commits of that moment in one batch and transaction
     *                                ({@link WakingEventSource}); zero wakes them at every commit
     */
    @ConfigurationProperties("registry.processing")
    public record ProcessingProperties(@DefaultValue("100") int batchSize,
                                       @DefaultValue("1") int initialSegmentCount,
                                       @DefaultValue("2s") Duration tokenClaimInterval,
                                       @DefaultValue("2s") Duration claimExtensionThreshold,
                                       @DefaultValue("25ms") Duration wakeUpDelay) {
    }
}
