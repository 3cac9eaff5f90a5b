package dev.stoa.command.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For an endpoint whose response carries a secret only sometimes (the checkout: a card payment's client secret, not a
 * wallet order): marks this one response as {@link SecretResponse} would mark them all, so the idempotency layer
 * keeps no copy of it and no cache stores it.
 */
public final class SecretResponseMarker {
    /** The request attribute the idempotency layer looks for. */
    public static final String ATTRIBUTE = SecretResponse.class.getName();

    private SecretResponseMarker() {}

    public static void mark(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }
}
