package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers Spring Security's firewall (//, ;, encoded dots and slashes, unknown methods, control
 * characters in headers) with a 400 {@code request_rejected} problem, written here rather than by
 * {@code sendError}: the error dispatch would pass the same firewall and be rejected again, blank.
 */
public class FirewallRejectionHandler implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(FirewallRejectionHandler.class);
    private final ObjectMapper mapper;

    public FirewallRejectionHandler(ObjectMapper mapper) { this.mapper = mapper; }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Firewall rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        if (response.isCommitted()) return;
        response.resetBuffer(); // keeps the headers set so far, X-Correlation-Id among them
        CorrelationIdFilter.ensureOn(response);
        // On an error dispatch the firewall re-checks the original request (e.g. Tomcat's 405 for TRACE):
        // the client gets that error, not a rejection of the error page.
        Problems.write(null, response, mapper, request.getDispatcherType() == DispatcherType.ERROR
                ? Problems.forStatus(ProblemErrorController.status(request)) : Problems.requestRejected());
    }
}
