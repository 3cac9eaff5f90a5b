package dev.stoa.app.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A read's query parameter with an empty value ({@code ?status=}, what a form or a URL template sends for a filter left
 * blank) is a parameter not given: every operation reads it so, its default applying. Before 2026-12-06 (eighth
 * session) some reads did (the order list's {@code status}) and others refused it (the payment and refund lists'
 * {@code status}, 400) or took it as a value (the product list's {@code brand=} matched no product); found by a
 * walkthrough. The query string itself is left as sent: a name no operation takes is still refused
 * ({@link QueryParameters}). GET and HEAD of {@code /api/**} only, but the audit's; a value of blanks is a value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class EmptyQueryValues extends OncePerRequestFilter {
    /**
     * The audit reads refuse an empty filter instead (400 naming it): an auditor's {@code aggregateId=} or
     * {@code asOf=} read as none would widen the answer to the whole log, or the state to now, unasked (they answered
     * so, or "no events", before 2026-12-06, fifth session; found by a walkthrough).
     */
    private static final String AUDIT = "/api/v1/audit/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith(AUDIT)
                || !hasEmptyValue(query);
    }

    /** Whether some parameter of the query has nothing for its value: {@code name=}, or {@code name} alone. */
    static boolean hasEmptyValue(String query) {
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq == pair.length() - 1 || (eq < 0 && !pair.isEmpty())) return true;
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> given = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String[] kept = java.util.Arrays.stream(values).filter(v -> !v.isEmpty()).toArray(String[]::new);
            if (kept.length > 0) given.put(name, kept);
        });
        Map<String, String[]> parameters = Collections.unmodifiableMap(given);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() { return parameters; }

            @Override
            public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values.clone();
            }
        }, response);
    }
}
