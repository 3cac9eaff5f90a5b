package dev.stoa.command.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that catches every refusal of what it sends (a step a processor also takes, such as a
 * cancellation's refund): none of them reaches its endpoint's answer, so the OpenAPI document, which lists the problem
 * codes an endpoint can reach, does not look into it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RefusalsStayHere {}
