package org.registry.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param fetchDelay how long a tailing processor waits before polling the database again when it has seen no
 *                   new event; it bounds the lag of a query side running in another process than the command side
 */
@ConfigurationProperties("registry.event-store")
public record EventStoreProperties(@DefaultValue("100ms") Duration fetchDelay) {
}
