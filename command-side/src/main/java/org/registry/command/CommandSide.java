package org.registry.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.registry.command.api.CommandOutcomeInterceptor;
import org.registry.command.benefit.BenefitSettings;
import org.registry.command.person.CheckUpSettings;
import org.registry.command.api.ExpectedVersionTargetResolver;
import org.registry.command.directory.RecordDirectory;
import org.registry.platform.Platform;
import org.registry.platform.migration.SchemaMigration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/** The command side: aggregates, their command-side lookups, and the HTTP commands. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@Import(Platform.class)
@EnableConfigurationProperties({BenefitSettings.class, CheckUpSettings.class})
public class CommandSide {

    @Bean
    SchemaMigration commandSideMigration() {
        return new SchemaMigration("command", "classpath:db/command", 10);
    }

    @Bean
    CommandOutcomeInterceptor commandOutcomeInterceptor(EventBus eventBus) {
        CommandOutcomeInterceptor interceptor = new CommandOutcomeInterceptor();
        eventBus.registerDispatchInterceptor(interceptor.eventRecorder());
        return interceptor;
    }

    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    /**
     * The directory is updated in the transaction that stores the events (a subscribing processor), and a
     * failure there fails the command: a lookup that enforces a rule must never fall behind the events.
     */
    @Bean
    ConfigurerModule recordDirectoryProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(RecordDirectory.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(RecordDirectory.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
