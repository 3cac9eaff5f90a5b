package dev.stoa.command.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a request refused before its operation did anything (its input read and found wanting, nothing asked of an
 * aggregate, nothing stored): the Idempotency-Key layer keeps no answer for it, so the client's mended retry under the
 * same key runs, as it does for a refusal Spring makes while it reads the request.
 */
public final class NothingRan {
    public static final String ATTRIBUTE = NothingRan.class.getName();

    private NothingRan() {}

    public static void mark(HttpServletRequest request) { request.setAttribute(ATTRIBUTE, Boolean.TRUE); }

    public static boolean marked(HttpServletRequest request) { return request.getAttribute(ATTRIBUTE) != null; }
}
