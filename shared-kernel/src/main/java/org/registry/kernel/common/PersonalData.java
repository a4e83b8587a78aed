package org.registry.kernel.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event or a view that holds personal data, or a type every value of which is personal. This
 * annotation is the one place that decides what is personal; readers who may not see personal data (analysts) get
 * these values masked, wherever the data is shown (audit trail, event export, every JSON answer).
 *
 * <p>What is personal: names, identity and certificate numbers, addresses and household numbers, ethnicity, health
 * results, and <em>every free text a clerk writes about a person</em>: places of origin and destination, a
 * check-up's facility and notes, a claim's basis, the notes of decisions and objections, the reasons of rejections,
 * re-certifications and corrections, the old and new values of a correction. A clerk may write anything in a free
 * text, so none is safe to show. Not personal: identifiers ({@code personId}...), division codes and postal codes
 * (areas of thousands), dates, sex, and the values of enumerations (a move's reason, a claim's stage), which
 * analysts count by. The audit metadata (the clerk's free-text {@code reason}) is decided in
 * {@code platform.privacy.PersonalDataMasking} itself, as metadata is a map, not a type.
 *
 * <p>Erasure in an immutable store: the decision is crypto-shredding (personal fields encrypted with a
 * per-person key that is destroyed on erasure); it is not implemented yet, and these annotations mark exactly
 * the fields it would encrypt.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {
}
