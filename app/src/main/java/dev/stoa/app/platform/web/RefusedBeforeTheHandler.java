package dev.stoa.app.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request refused by an interceptor before its handler ran (its {@code Accept}: {@link AcceptableAnswers}; its query:
 * {@link QueryParameters}): nothing happened, so the {@link IdempotencyFilter} keeps no answer for its key and the
 * mended retry runs.
 */
final class RefusedBeforeTheHandler {
    private static final String ATTRIBUTE = RefusedBeforeTheHandler.class.getName();

    private RefusedBeforeTheHandler() {}

    static void mark(HttpServletRequest request) { request.setAttribute(ATTRIBUTE, Boolean.TRUE); }

    static boolean is(HttpServletRequest request) { return request.getAttribute(ATTRIBUTE) != null; }
}
