package org.registry.query.api;

import org.springframework.beans.factory.annotation.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code NamedParameterJdbcTemplate} for figures whose statement is the same text for a community and a county
 * (the benefit recipients, whose area is a range of community codes), on its constructor's parameter: each statement
 * planned for its values ({@link org.registry.platform.jdbc.CustomPlans#template}). PostgreSQL's driver names a
 * statement it has sent five times, and the server may then keep one generic plan for it, made without the values:
 * on a county of a million, the plan made for communities read every segment of the county to count its recipients
 * (0.6 to 0.9 s instead of 60 ms). The other figures' statements name the column of their area's level, so each level
 * has a statement (and a plan) of its own; planning each of them every time cost a community's dashboard 40 ms of its
 * 70 (measured on a kept county of a million, p50 of 60 requests).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface FigureReads {
}
