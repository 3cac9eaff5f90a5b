package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
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
        Set<Schema<?>> seen = SchemaTree.identitySet();
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null)
            openApi.getComponents().getSchemas().values().forEach(s -> SchemaTree.visit(s, seen, AnchoredPatterns::anchor));
        if (openApi.getPaths() != null)
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getParameters() != null)
                    for (Parameter p : op.getParameters()) SchemaTree.visit(p.getSchema(), seen, AnchoredPatterns::anchor);
            }));
    }

    static String anchored(String pattern) {
        if (pattern.startsWith("^") && pattern.endsWith("$")) return pattern;
        return "^(" + pattern + ")$";
    }

    private static void anchor(Schema<?> schema) {
        if (schema.getPattern() != null) schema.setPattern(anchored(schema.getPattern()));
    }
}
