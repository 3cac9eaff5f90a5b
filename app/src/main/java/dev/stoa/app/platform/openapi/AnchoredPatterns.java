package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A pattern in the document is anchored ({@code ^(...)$}), as the server checks it: Bean Validation's {@code @Pattern}
 * matches the whole value, while a JSON Schema {@code pattern} matches anywhere in it, so {@code home|work|other} let a
 * generated client's validation pass "homework", which the server refuses (found by a walkthrough, 2026-12-06, ninth
 * session). Every schema reached from the components and the operations' parameters.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AnchoredPatterns implements OpenApiCustomizer {
    @Override
    public void customise(OpenAPI openApi) {
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null)
            openApi.getComponents().getSchemas().values().forEach(s -> anchor(s, seen));
        if (openApi.getPaths() != null)
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getParameters() != null) for (Parameter p : op.getParameters()) anchor(p.getSchema(), seen);
            }));
    }

    static String anchored(String pattern) {
        if (pattern.startsWith("^") && pattern.endsWith("$")) return pattern;
        return "^(" + pattern + ")$";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anchor(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) return;
        if (schema.getPattern() != null) schema.setPattern(anchored(schema.getPattern()));
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) properties.values().forEach(p -> anchor(p, seen));
        anchor(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) anchor(additional, seen);
        for (Collection<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))
            if (parts != null) parts.forEach(p -> anchor(p, seen));
    }
}
