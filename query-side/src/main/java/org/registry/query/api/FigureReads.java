package org.registry.query.api;

import org.springframework.beans.factory.annotation.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code NamedParameterJdbcTemplate} the figures are read with, on its constructor's parameter: each statement
 * planned for its values ({@link org.registry.platform.jdbc.CustomPlans#template}). The same statement counts a
 * community's few thousand rows or a county's million, over a month or ten years; PostgreSQL's driver names a statement
 * it has sent five times, and the server may then keep one generic plan for all of them, made without the values. On
 * a county of a million, such a plan read every segment of the county to count its benefit recipients (0.9 s instead
 * of 10 ms). Planning each costs a millisecond or two.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface FigureReads {
}
