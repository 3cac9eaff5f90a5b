package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.app.platform.axon.ProjectionGate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes across processes: a read that sends {@code X-Stoa-Min-Position} (the
 * {@code X-Stoa-Position} of the client's last write) waits, bounded by
 * {@code stoa.consistency.wait-timeout}, until the read models of this process that handle that write's
 * events have passed it, also in the segments other processes own. If they cannot, the read answers anyway
 * with {@code X-Stoa-Consistency: pending}. A position beyond the head of the
 * event store (no write produced it) is a 400 at once.
 */
@Component
@Order(21)
public class MinPositionFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Stoa-Min-Position";
    private final ProjectionGate gate;
    private final Duration timeout;
    private final ObjectMapper mapper;

    public MinPositionFilter(ProjectionGate gate, @Value("${stoa.consistency.wait-timeout:5s}") Duration timeout,
                             ObjectMapper mapper) {
        this.gate = gate;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    private void invalid(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        Problems.write(request, response, mapper, Problems.validation("invalid " + HEADER, List.of(Map.of("field", HEADER, "message", message))));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long position;
        try {
            position = Long.parseLong(request.getHeader(HEADER).trim());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            invalid(request, response, "must be an event position (a whole number, 0 or more)");
            return;
        }
        // a position no write has produced yet can never be reached: say so now instead of waiting out the bound
        TrackingToken head = gate.head();
        long newest = head == null ? -1 : head.position().orElse(-1);
        if (position > newest) {
            invalid(request, response, "is beyond the newest event (" + newest + "): send the X-Stoa-Position of a write");
            return;
        }
        try {
            boolean caughtUp = gate.awaitWriteAt(position, head, timeout);
            response.setHeader(ReadYourWritesFilter.CONSISTENCY_HEADER, caughtUp ? "consistent" : "pending");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        chain.doFilter(request, response);
    }
}
