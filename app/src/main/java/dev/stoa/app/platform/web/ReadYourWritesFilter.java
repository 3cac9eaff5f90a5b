package dev.stoa.app.platform.web;

import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.axon.Write;
import dev.stoa.app.platform.axon.WrittenEvents;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * After a write answered 2xx, or a 4xx after it had written events (a refused checkout releases what it had reserved
 * before it answers 409 or 422), and before the client sees it: the response carries the event position
 * the write produced ({@code X-Stoa-Position}) and, within {@code stoa.consistency.wait-timeout}, every
 * read model in this process that handles the write's events has them, so the client's next read reflects
 * its write ({@link ProjectionGate}). If they cannot catch up in time, or one of them cannot from here, the
 * write still succeeded: {@code X-Stoa-Consistency: pending} says so.
 */
@Component
@Order(20)
public class ReadYourWritesFilter extends OncePerRequestFilter {
    public static final String POSITION_HEADER = "X-Stoa-Position";
    public static final String CONSISTENCY_HEADER = "X-Stoa-Consistency";
    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final ProjectionGate gate;
    private final WrittenEvents written;
    private final Duration timeout;

    public ReadYourWritesFilter(ProjectionGate gate, WrittenEvents written,
                                @Value("${stoa.consistency.wait-timeout:5s}") Duration timeout) {
        this.gate = gate;
        this.written = written;
        this.timeout = timeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Write write = written.begin();
        try {
            try {
                chain.doFilter(request, wrapper);
            } finally {
                written.detach();
            }
        } finally {
            try {
                if (wrapper.getStatus() < 500) awaitProjections(wrapper, write);
            } finally {
                written.end(write);
                wrapper.copyBodyToResponse();
            }
        }
    }

    private void awaitProjections(HttpServletResponse response, Write write) {
        try {
            boolean caughtUp = gate.awaitWrite(write, timeout);
            OptionalLong position = gate.positionOf(write); // after the wait: the processors' receipts may tell it
            if (position.isEmpty()) return;
            response.setHeader(POSITION_HEADER, Long.toString(position.getAsLong()));
            response.setHeader(CONSISTENCY_HEADER, caughtUp ? "consistent" : "pending");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not wait for the read models to catch up", e);
            response.setHeader(CONSISTENCY_HEADER, "pending");
        }
    }
}
