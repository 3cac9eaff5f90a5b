package dev.stoa.app.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.app.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal answered as every error is: 403 {@code application/problem+json}, code
 * {@code forbidden}, saying why. Spring's own processor answers a plain-text "Invalid CORS request" with no content
 * type (before 2026-12-06, ninth session; found by a walkthrough).
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {
    private final ObjectMapper mapper;

    ProblemCorsProcessor(ObjectMapper mapper) { this.mapper = mapper; }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean allowed = super.processRequest(config, request, response);
        if (!allowed) Problems.write(request, response, mapper, Problems.of(ErrorCode.FORBIDDEN_CODE, "this origin may not "
                + "call the API, or not with that method or those headers (origins allowed: stoa.cors.allowed-origins)"));
        return allowed;
    }

    /** Nothing written here: {@link #processRequest} answers the refusal as a problem. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) { }
}
