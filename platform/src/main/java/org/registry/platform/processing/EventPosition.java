package org.registry.platform.processing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event's own global position in the store, as an event handler's {@code long} parameter:
 * {@code void on(PersonRegistered event, @EventPosition long position)}. The one way a projection learns where an
 * event stands; never the processor's {@code TrackingToken}, which after an event that filled a gap carries the
 * highest position seen so far (see {@link OwnPositions}). A handler given an event whose own position cannot be
 * known fails rather than guess.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface EventPosition {
}
