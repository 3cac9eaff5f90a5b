package dev.stoa.app.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The metrics (Prometheus' text, {@code GET /actuator/prometheus}) show the disk path, the log's head, each processor's
 * lag and dead letters, and request counts by route (erasures among them): admins only, or a scraper holding
 * {@code stoa.metrics.scrape-token} as its bearer token (Prometheus' {@code authorization: credentials}), which
 * opens that one endpoint and nothing else. Unset (the default), only an admin's token reads them. A token shorter than
 * 32 characters is refused at start-up. Until 2026-12-05 anyone could read them.
 */
final class MetricsScrapeToken extends OncePerRequestFilter {
    static final String PATH = "/actuator/prometheus";
    static final String ROLE = "metrics";
    private final byte[] token;

    MetricsScrapeToken(String token) {
        if (token != null && !token.isBlank() && token.length() < 32)
            throw new IllegalStateException("stoa.metrics.scrape-token must be at least 32 characters (a random secret)");
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request is a scrape with the configured token (compared in constant time). */
    boolean matches(HttpServletRequest request) {
        if (token == null || !PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request))) return false;
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (matches(request)) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        }
        chain.doFilter(request, response);
    }
}
