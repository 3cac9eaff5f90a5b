package dev.stoa.app.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The bucket a request to an auth endpoint draws from: the client address and the endpoint it was routed to.
 *
 * <p>The endpoint is the pattern of the handler Spring MVC chose ({@code /api/v1/auth/login}), never the path as
 * the client spelled it: {@code /api/v1/%61uth/login} reaches the same handler, so it must count in the same
 * bucket, and a spelling that reaches no handler has nothing to protect.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}, the TCP peer. Tomcat replaces it with the
 * address from X-Forwarded-For only when {@code server.forward-headers-strategy=native} is set and the peer is
 * a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}); by default the header is ignored, so a
 * client cannot pose as another address. Behind a reverse proxy without that setting every client would share
 * the proxy's address (and its bucket).
 */
record AuthRateLimitKey(String clientAddress, String endpoint) {
    static final String AUTH_ENDPOINTS = "/api/v1/auth/";

    /** The key of a request about to be handled by {@code handler}, or empty when it is not limited here. */
    static Optional<AuthRateLimitKey> of(HttpServletRequest request, Object handler) {
        // an async or error re-dispatch of a request that was already counted (or refused) on its way in
        if (request.getDispatcherType() != DispatcherType.REQUEST) return Optional.empty();
        // routed requests carry the method exactly: "post" or HEAD never reach a @PostMapping handler
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod)) return Optional.empty();
        // set by the handler mapping that chose this handler (a String, or a PathPattern that prints as one)
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || !pattern.toString().startsWith(AUTH_ENDPOINTS)) return Optional.empty();
        return Optional.of(new AuthRateLimitKey(request.getRemoteAddr(), pattern.toString()));
    }

    /** The primary key of the bucket's row in {@code rate_limit_bucket}. */
    String bucketId() { return "auth " + endpoint + " " + clientAddress; }
}
