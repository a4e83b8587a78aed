package org.registry.query.operations;

import org.registry.platform.processing.ProcessorMonitor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Iterator;

/**
 * The {@code projections} component of {@code /actuator/health}: one entry per projection, {@code UP}, or
 * {@code STALLED} when its batches keep failing or it is not catching up ({@link ProcessorMonitor}), with the
 * reason, since when, and its last error. {@code STALLED} ranks below {@code DOWN} and maps to 503, so the service's
 * health is honest about reads that may be incomplete; it is in neither the liveness nor the readiness group, since
 * restarting the process, or taking it out of the load balancer, would not repair a projection and would stop the
 * commands and the other reads too.
 */
@Component("projections")
class ProjectionsHealth implements CompositeHealthContributor {

    static final Status STALLED = new Status("STALLED", "a projection is stalled: reads from it may be incomplete");

    private final ProcessorMonitor monitor;

    ProjectionsHealth(ProcessorMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return monitor.condition(name).isPresent() ? indicator(name) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return monitor.conditions().keySet().stream()
                      .map(name -> NamedContributor.of(name, indicator(name)))
                      .iterator();
    }

    private HealthContributor indicator(String name) {
        return (HealthIndicator) () -> monitor.condition(name).map(ProjectionsHealth::health)
                                              .orElseGet(() -> Health.unknown().build());
    }

    static Health health(ProcessorMonitor.Condition condition) {
        Health.Builder health = condition.stalled() ? Health.status(STALLED) : Health.up();
        health.withDetail("position", condition.position())
              .withDetail("head", condition.head())
              .withDetail("lag", condition.lag());
        if (condition.stalled()) {
            health.withDetail("reason", condition.stall().reason())
                  .withDetail("since", condition.stall().since());
        }
        if (condition.lastFailure() != null) {
            health.withDetail("lastError", condition.lastFailure());
        }
        return health.build();
    }
}
