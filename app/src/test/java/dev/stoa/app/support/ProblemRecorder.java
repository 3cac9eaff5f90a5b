package dev.stoa.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Notes every problem an operation of the shared test context answers, over the whole test run: which operation
 * (method and route), status and code. {@code DocumentedProblemsIT}, run last, checks each against the OpenAPI
 * document, so every refusal any test provokes is one the document promises. Notes as well the shape of every JSON
 * answer (each member's path and JSON type, see {@link Shape}), which {@code DocumentedShapesIT} checks against the
 * operation's response schema: every member declared, of a declared type, null only where the schema allows it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProblemRecorder {
    /** One problem answered to a request (its path as sent: a refusal before routing has no route yet). */
    public record Answered(String method, String path, int status, String code) {}

    /**
     * One JSON answer's operation: method, the route Spring matched (its path as sent when no route was matched), status
     * and media type.
     */
    public record Shape(String method, String route, int status, String mediaType) {}

    private static final Set<Answered> ANSWERED = ConcurrentHashMap.newKeySet();
    private static final Map<Shape, Set<String>> SHAPES = new ConcurrentHashMap<>();
    private static final Map<Shape, Map<String, Set<String>>> ALWAYS_PRESENT = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Set<Answered> answered() { return Set.copyOf(ANSWERED); }

    /**
     * The members seen in each operation's JSON answers over the run, as {@code path:type}: the path from the root
     * {@code $} with {@code .name} for an object's member and {@code []} for any element of an array; the type one of
     * JSON's ({@code object, array, string, integer, number, boolean, null}).
     */
    public static Map<Shape, Set<String>> shapes() { return Map.copyOf(SHAPES); }

    /**
     * For each operation and each path of an object in its JSON answers (as in {@link #shapes()}), the members every
     * such object had, in every answer of the run.
     */
    public static Map<Shape, Map<String, Set<String>>> alwaysPresent() { return Map.copyOf(ALWAYS_PRESENT); }

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
        recordShape(request, response, type);
        if (type == null || !type.startsWith("application/problem+json")) return;
        try {
            JsonNode problem = JSON.readTree(response.getContentAsByteArray());
            ANSWERED.add(new Answered(request.getMethod(), route, response.getStatus(), problem.path("code").asText()));
        } catch (IOException e) {
            ANSWERED.add(new Answered(request.getMethod(), route, response.getStatus(), "<unreadable>"));
        }
    }

    private static void recordShape(HttpServletRequest request, ContentCachingResponseWrapper response, String type) {
        if (type == null) return;
        String mediaType = type.split(";")[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.equals("application/problem+json")) return;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern != null ? pattern.toString() : request.getRequestURI();
        JsonNode body;
        try {
            body = JSON.readTree(response.getContentAsByteArray());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || body.isMissingNode()) return;
        Shape shape = new Shape(request.getMethod(), route, response.getStatus(), mediaType);
        Set<String> members = SHAPES.computeIfAbsent(shape, key -> ConcurrentHashMap.newKeySet());
        Map<String, Set<String>> present = ALWAYS_PRESENT.computeIfAbsent(shape, key -> new ConcurrentHashMap<>());
        walk("$", body, members, present);
    }

    private static void walk(String path, JsonNode node, Set<String> members, Map<String, Set<String>> present) {
        members.add(path + ":" + jsonType(node));
        if (node.isObject()) {
            Set<String> keys = new java.util.HashSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            present.merge(path, keys, (before, now) -> {
                Set<String> both = new java.util.HashSet<>(before);
                both.retainAll(now);
                return both;
            });
            node.fields().forEachRemaining(field -> walk(path + "." + field.getKey(), field.getValue(), members, present));
        } else if (node.isArray()) {
            node.forEach(element -> walk(path + "[]", element, members, present));
        }
    }

    private static String jsonType(JsonNode node) {
        if (node.isNull()) return "null";
        if (node.isObject()) return "object";
        if (node.isArray()) return "array";
        if (node.isTextual()) return "string";
        if (node.isIntegralNumber()) return "integer";
        if (node.isNumber()) return "number";
        if (node.isBoolean()) return "boolean";
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
