package org.registry.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Imported by every registry process: the event store, migrations, security, the HTTP error contract.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class Platform {

    /**
     * "Today" for the rules that refuse future dates, in the offices' time zone ({@code registry.time-zone}).
     * Aggregates receive it as a handler parameter and never read the system clock themselves.
     */
    @Bean
    Clock clock(@Value("${registry.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
