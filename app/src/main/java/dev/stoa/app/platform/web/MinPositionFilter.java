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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes across processes: a read that sends {@code X-Stoa-Min-Position} (the
 * {@code X-Stoa-Position} of the client's last write) waits, bounded by
 * {@code stoa.consistency.wait-timeout}, until this process's read models have passed it. If they
 * cannot, the read answers anyway with {@code X-Stoa-Consistency: pending}.
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
            Problems.write(response, mapper, Problems.validation("invalid " + HEADER,
                    List.of(Map.of("field", HEADER, "message", "must be an event position (a whole number)"))));
            return;
        }
        try {
            boolean caughtUp = gate.await(position, timeout);
            response.setHeader(ReadYourWritesFilter.CONSISTENCY_HEADER, caughtUp ? "consistent" : "pending");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        chain.doFilter(request, response);
    }
}
