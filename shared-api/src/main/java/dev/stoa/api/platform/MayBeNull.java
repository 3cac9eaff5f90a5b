package dev.stoa.api.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A member of an answer that is sent as JSON {@code null} when it has no value (rather than left out): the OpenAPI
 * document types it as its type or null, so that strict generated clients read it. Every other member of an answer is
 * never null; {@code DocumentedShapesIT} checks both against every answer of the test run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface MayBeNull {}
