package org.registry.platform.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Event processors default to pooled streaming: several events a transaction, the token stored in the same
 * database transaction as the projection rows, claims extended while a long batch runs. A handler that fails
 * is never skipped: the error propagates, the batch rolls back, and the processor retries with back-off.
 * On the database event store they read through {@link WakingEventSource}, which wakes them when events arrive.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessingConfiguration.ProcessingProperties.class)
public class ProcessingConfiguration {

    @Bean
    ConfigurerModule processingDefaults(ProcessingProperties properties, ObjectProvider<WakingEventSource> source) {
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
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /**
     * {@code registry.processing.*}
     *
     * @param batchSize               events handled in one transaction
     * @param initialSegmentCount     segments a new processor starts with: one keeps the global order of events,
     *                                more spread a projection over threads and nodes
     * @param tokenClaimInterval      how often an idle node tries to claim unclaimed segments
     * @param claimExtensionThreshold how long a batch may run before its claim is extended
     */
    @ConfigurationProperties("registry.processing")
    public record ProcessingProperties(@DefaultValue("100") int batchSize,
                                       @DefaultValue("1") int initialSegmentCount,
                                       @DefaultValue("2s") Duration tokenClaimInterval,
                                       @DefaultValue("2s") Duration claimExtensionThreshold) {
    }
}
