package dev.stoa.app.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with a cheap look at the path first. A request whose path holds a variable
 * ({@code /products/{id}}) is checked against every mapping of the API (by the {@code DispatcherServlet}; Spring
 * Security's own lookup is gone, see {@code SecurityWithoutHandlerLookup}), and Spring checks each mapping's
 * method, params, headers, consumes and produces, then matches its path patterns: a third of a cached product
 * read's CPU went there when both lookups ran. Here a mapping is dropped at once when none of its patterns can match: the path does not
 * start with the pattern's literal beginning (up to its first variable or wildcard), or has another number of
 * segments (patterns without {@code **} or <code>{*var}</code>). The mappings left are checked by Spring as before,
 * so the chosen handler, and every 404, 405 and 415, stay exactly Spring's. A path with {@code %} or {@code ;}
 * (Spring matches the decoded segments, without matrix parameters) is left to Spring alone.
 * Registered by {@link Registration} as the application's request mapping.
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {
    record Shape(String prefix, int segments) {
        boolean admits(String path, int pathSegments) {
            return path.startsWith(prefix) && (segments < 0 || segments == pathSegments);
        }
    }

    private record Lookup(String path, int segments) {}

    private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();
    /** Each mapping's pattern shapes, rebuilt whenever a mapping is met that it does not know. */
    private volatile Map<RequestMappingInfo, Shape[]> shapes = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        if (plain) LOOKUP.set(new Lookup(lookupPath, segments(lookupPath)));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (plain) LOOKUP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        if (lookup != null && !admits(shapesOf(info), lookup)) return null;
        return super.getMatchingMapping(info, request);
    }

    private static boolean admits(Shape[] shapes, Lookup lookup) {
        if (shapes == null) return true;
        for (Shape shape : shapes) if (shape.admits(lookup.path(), lookup.segments())) return true;
        return false;
    }

    /** Null (no shortcut) for a mapping without path patterns. */
    private Shape[] shapesOf(RequestMappingInfo info) {
        Map<RequestMappingInfo, Shape[]> known = shapes;
        if (known.containsKey(info)) return known.get(info);
        Map<RequestMappingInfo, Shape[]> more = new IdentityHashMap<>(known);
        for (RequestMappingInfo mapping : getHandlerMethods().keySet()) more.computeIfAbsent(mapping, PathFirstHandlerMapping::shapes);
        more.computeIfAbsent(info, PathFirstHandlerMapping::shapes);
        shapes = more;
        return more.get(info);
    }

    static Shape[] shapes(RequestMappingInfo info) {
        if (info.getPatternValues().isEmpty()) return null;
        return info.getPatternValues().stream().map(PathFirstHandlerMapping::shape).toArray(Shape[]::new);
    }

    static Shape shape(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        boolean anyDepth = pattern.contains("**") || pattern.contains("{*");
        return new Shape(pattern.substring(0, end), anyDepth ? -1 : segments(pattern));
    }

    /** The number of {@code /} in a path or pattern: its segments, counted alike for both. */
    static int segments(String path) {
        int count = 0;
        for (int i = 0; i < path.length(); i++) if (path.charAt(i) == '/') count++;
        return count;
    }

    @Configuration
    static class Registration {
        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() { return new PathFirstHandlerMapping(); }
            };
        }
    }
}
