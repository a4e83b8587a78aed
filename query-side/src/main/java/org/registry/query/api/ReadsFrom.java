package org.registry.query.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the projections (processing groups) a read endpoint answers from. A request carrying
 * {@code X-Min-Event-Position} waits until these have handled that position ({@link ReadYourWrites}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFrom {

    String[] value();
}
