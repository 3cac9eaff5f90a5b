package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A 4xx or 5xx answered with no body at all gets the problem of its status, as a {@code sendError} does through
 * {@link ProblemErrorController}: an actuator endpoint answers a {@code ResponseEntity} without one (a health group or
 * component that does not exist, {@code /actuator/health/nothing}, was a bare 404 before 2026-12-07 evening; walkthrough
 * Z28). Nothing else changes: an answer that has a content type, or is already on its way, is left as it is. Right
 * inside {@link CorrelationIdFilter}, so that every filter's own answer has been written when it looks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodilessErrorFilter extends OncePerRequestFilter {
    private final ObjectMapper mapper;

    public BodilessErrorFilter(ObjectMapper mapper) { this.mapper = mapper; }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SendErrorSeen seen = new SendErrorSeen(response);
        chain.doFilter(request, seen);
        if (response.getStatus() >= 400 && !seen.sentError && !seen.written && !response.isCommitted()
                && response.getContentType() == null && !request.isAsyncStarted())
            Problems.write(request, response, mapper, Problems.forStatus(response.getStatus()));
    }

    /**
     * A {@code sendError} is the container's to answer, through the error page ({@link ProblemErrorController}); a body
     * begun, even without a content type, is the handler's.
     */
    private static final class SendErrorSeen extends HttpServletResponseWrapper {
        private boolean sentError;
        private boolean written;

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            written = true;
            return super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            written = true;
            return super.getWriter();
        }

        SendErrorSeen(HttpServletResponse response) { super(response); }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            sentError = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sentError = true;
            super.sendError(sc);
        }
    }
}
