package dev.stoa.command.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose response hands out a secret (tokens, an authenticator secret, recovery codes). Such a
 * response is never stored: an Idempotency-Key still makes a retry run nothing twice, but the retry is answered
 * 409 {@code idempotency_response_withheld} instead of a copy of the secret, and the response carries
 * {@code Cache-Control: no-store} so no cache keeps it either.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretResponse {
    /**
     * False for an endpoint whose response carries a secret only sometimes (a card checkout, not a wallet one): it
     * marks those responses itself ({@link SecretResponseMarker}); the document lists the withheld retry either way.
     */
    boolean always() default true;
}
