package dev.stoa.app.platform.web;

import dev.stoa.command.platform.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id of the platform's own (a new UUID), returns it in the response and puts it in
 * the MDC, from where logs and every command and event of this request take it. A client's X-Correlation-Id, when it
 * is sane, goes beside it ({@code clientCorrelationId}), never in its place: a chain is the platform's to name, else
 * anyone could put their requests' events in another's chain (the audit filter {@code correlationId}, and what
 * {@code X-Stoa-Min-Position} waits for).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newId();
        response.setHeader(HEADER, id);
        MDC.put(RequestContext.CORRELATION_ID, id);
        String given = request.getHeader(HEADER);
        if (given != null && SANE.matcher(given).matches()) MDC.put(RequestContext.CLIENT_CORRELATION_ID, given);
        MDC.put(RequestContext.REQUEST, requestLine(request));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.CORRELATION_ID);
            MDC.remove(RequestContext.CLIENT_CORRELATION_ID);
            MDC.remove(RequestContext.USER_ID);
            MDC.remove(RequestContext.IDEMPOTENCY_KEY);
            MDC.remove(RequestContext.REQUEST);
        }
    }

    /** Method and path, for the audit trail of what this request causes; never the query string (it may hold a token). */
    static String requestLine(HttpServletRequest request) {
        String line = request.getMethod() + " " + request.getRequestURI();
        return line.length() <= 200 ? line : line.substring(0, 200);
    }


    /**
     * A random (version 4) UUID from the thread's own generator: a correlation id labels a request in logs, events and
     * the audit trail and is handed to the client, it guards nothing. {@link UUID#randomUUID()} draws from the shared
     * {@code SecureRandom}, which every request thread then waits on (3 % of a catalog read's CPU).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(3L << 62) | 1L << 63; // IETF variant
        return new UUID(high, low).toString();
    }

    /** Gives an error response that did not pass through this filter (container, error dispatch) its id. */
    public static void ensureOn(HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) response.setHeader(HEADER, newId());
    }
}
