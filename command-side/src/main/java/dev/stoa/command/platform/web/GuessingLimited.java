package dev.stoa.command.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint where a caller could guess a secret (a voucher code): it is rate limited per user and per client
 * address, and a refused attempt (a 4xx) costs more of the limit than a successful one. Past it: 429
 * {@code rate_limited} with Retry-After ({@code stoa.rate-limit.redeem.*}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GuessingLimited {
    /**
     * Request attribute set (to {@code true}) by an endpoint whose refusal was no guess (the caller's own voucher,
     * redeemed already): it costs one token, as a success, not a failed guess's (since 2026-12-07: three clicks on a
     * valid code locked the user out of redeeming for two minutes; walkthrough).
     */
    String NOT_A_GUESS = "dev.stoa.command.platform.web.GuessingLimited.notAGuess";
}
