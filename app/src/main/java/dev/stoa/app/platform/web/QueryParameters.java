package dev.stoa.app.platform.web;

import dev.stoa.api.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter the operation does not take, or one given twice that takes one value, is 400
 * {@code validation_failed} naming it ({@code errors[0].field}), before the operation runs. Ignored, a misspelt filter
 * ({@code ?minprice=}) answered everything as if filtered, and {@code ?limit=5&limit=50} one of the two; before
 * 2026-12-06 (seventh session) only the audit reads refused them (found by walkthroughs). What an operation takes is
 * read from its {@code @RequestParam}s, so the rule and the OpenAPI document, which lists the same, cannot disagree.
 * An operation that takes a map of parameters takes any. The names come from the query string alone: a form body is
 * never read here. A query string whose escapes are not UTF-8 (a lone surrogate's bytes, a stray {@code %FF}) is 400
 * {@code request_rejected}, as a NUL there is: Tomcat read such bytes as U+FFFD, and the operation answered a search
 * for that character (before 2026-12-07; walkthrough Z5). So is a {@code %} that begins no escape ({@code %zz}, a
 * trailing {@code %2}): Tomcat dropped such a parameter without a word, and the read ran unfiltered, an auditor's
 * {@code aggregateId=%zz} answering the whole log (walkthrough Z10).
 */
@Configuration
class QueryParameters implements WebMvcConfigurer, HandlerInterceptor {
    /** What an operation takes: parameter names, and whether each takes several values. */
    /** {@code names}: each parameter and whether it takes several values; {@code required}: those that must be given. */
    record Taken(Map<String, Boolean> names, java.util.Set<String> required, boolean any) {}

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Taken> taken = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this).addPathPatterns("/api/**"); }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)) return true;
        if (!isUtf8(query)) {
            RefusedBeforeTheHandler.mark(request);
            throw new DomainException(dev.stoa.api.platform.ErrorCode.REQUEST_REJECTED,
                    "the query string's escapes are not UTF-8, or a % begins no escape: percent-encode each "
                            + "parameter's text as UTF-8");
        }
        Taken takes = taken.computeIfAbsent(method, QueryParameters::of);
        if (takes.any()) return true;
        Map<String, Integer> given = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            given.merge(decode(eq < 0 ? pair : pair.substring(0, eq)), 1, Integer::sum);
        }
        List<Map<String, String>> errors = new ArrayList<>();
        given.forEach((name, times) -> {
            Boolean several = takes.names().get(name);
            if (several == null) errors.add(Map.of("field", name, "message", "is not a parameter of this operation"
                    + (takes.names().isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", takes.names().keySet()))));
            else if (times > 1 && !several) errors.add(Map.of("field", name, "message", "is given " + times
                    + " times; it takes one value"));
        });
        // a value of blanks is no value to filter by, nor the filter left out (an empty one is, EmptyQueryValues):
        // ?from=%20, ?status=%20, ?minPrice=%20 answered as if not given before 2026-12-07 (walkthrough Z18)
        request.getParameterMap().forEach((name, values) -> {
            if (takes.names().containsKey(name) && java.util.Arrays.stream(values).anyMatch(v -> !v.isEmpty() && v.isBlank()))
                // a parameter the operation needs has no "none" (suggest's prefix: it told to leave it out, which is
                // 400 "is required", before 2026-12-07; walkthrough Z45)
                errors.add(Map.of("field", name, "message", takes.required().contains(name) ? "must not be blank"
                        : "must not be blank: leave it out, or empty, for none"));
        });
        if (errors.isEmpty()) return true;
        RefusedBeforeTheHandler.mark(request);
        throw DomainException.badInput("parameter " + errors.get(0).get("field") + ": " + errors.get(0).get("message"))
                .with("errors", List.copyOf(errors));
    }

    static Taken of(HandlerMethod method) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        java.util.Set<String> required = new java.util.HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) continue;
            Class<?> type = parameter.getParameterType();
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : null;
            if (name == null && Map.class.isAssignableFrom(type)) return new Taken(Map.of(), java.util.Set.of(), true);
            if (name == null) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            if (name == null) return new Taken(Map.of(), java.util.Set.of(), true); // compiled without names: cannot tell, so take any
            names.put(name, type.isArray() || Collection.class.isAssignableFrom(type));
            if (param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                    && !java.util.Optional.class.equals(type)) required.add(name);
        }
        return new Taken(java.util.Collections.unmodifiableMap(names), java.util.Set.copyOf(required), false);
    }

    /**
     * Whether the query string's percent escapes are escapes ({@code %} and two hex digits) and, with its other
     * characters, well-formed UTF-8.
     */
    static boolean isUtf8(String query) {
        // without an escape there is nothing to check (any text re-encodes as UTF-8): most reads, on their hot path
        if (query.indexOf('%') < 0) return true;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) return false;
                bytes.write(Character.digit(query.charAt(i + 1), 16) * 16 + Character.digit(query.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException malformed) {
            return false;
        }
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
