package dev.stoa.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Notes every problem an operation of the shared test context answers, over the whole test run: which operation
 * (method and route), status and code. {@code DocumentedProblemsIT}, run last, checks each against the OpenAPI
 * document, so every refusal any test provokes is one the document promises.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProblemRecorder {
    /** One problem answered to a request (its path as sent: a refusal before routing has no route yet). */
    public record Answered(String method, String path, int status, String code) {}

    private static final Set<Answered> ANSWERED = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Set<Answered> answered() { return Set.copyOf(ANSWERED); }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> problemRecordingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, wrapper);
                } finally {
                    record(request, wrapper);
                    wrapper.copyBodyToResponse();
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void record(HttpServletRequest request, ContentCachingResponseWrapper response) {
        String route = request.getRequestURI();
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) return;
        try {
            JsonNode problem = JSON.readTree(response.getContentAsByteArray());
            ANSWERED.add(new Answered(request.getMethod(), route, response.getStatus(), problem.path("code").asText()));
        } catch (IOException e) {
            ANSWERED.add(new Answered(request.getMethod(), route, response.getStatus(), "<unreadable>"));
        }
    }
}
