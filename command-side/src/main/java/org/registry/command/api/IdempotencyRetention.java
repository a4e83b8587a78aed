package org.registry.command.api;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Period;

/**
 * Idempotency keys are kept for {@code registry.idempotency.retention} (30 days): long enough for any retry, short
 * enough that the table does not grow without end. A db-scheduler task, so one node of several does the work.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    @Bean
    RecurringTask<Void> idempotencyRetentionTask(IdempotencyStore store, Clock clock,
                                                 @Value("${registry.idempotency.retention:P30D}") Period retention) {
        return Tasks.recurring("idempotency-retention", FixedDelay.ofHours(6))
                    .execute((instance, context) -> {
                        int forgotten = store.forgetRecordedBefore(clock.instant().atZone(clock.getZone())
                                                                        .minus(retention).toInstant());
                        log.info("Forgot {} idempotency key(s) older than {}", forgotten, retention);
                    });
    }
}
