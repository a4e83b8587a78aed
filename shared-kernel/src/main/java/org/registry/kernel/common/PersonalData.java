package org.registry.kernel.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event or a view that holds personal data: names, identity numbers, addresses, health
 * results and notes. This annotation is the one place that decides what is personal; readers who may not see
 * personal data (analysts) get these fields masked, wherever the data is shown (audit trail, event export,
 * drill-down lists).
 *
 * <p>Erasure in an immutable store: the decision is crypto-shredding (personal fields encrypted with a
 * per-person key that is destroyed on erasure); it is not implemented yet, and these annotations mark exactly
 * the fields it would encrypt.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {
}
