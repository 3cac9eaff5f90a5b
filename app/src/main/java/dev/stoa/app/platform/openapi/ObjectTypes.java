package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A schema with members says it is an object ({@code "type": "object"}): springdoc writes the members alone, and in
 * JSON Schema a schema without a type takes {@code null} too. So a nullable member written {@code oneOf: [{$ref: X},
 * {type: null}]} matched both branches when null, which a validator refuses ("valid under each"), and a member typed
 * {@code $ref: X} alone, promised never null, took null as well (found by a walkthrough validating answers with
 * a standard OpenAPI 3.1 validator, 2026-12-07).
 */
@Component
class ObjectTypes implements OpenApiCustomizer {
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) return;
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        openApi.getComponents().getSchemas().values().forEach(schema -> type(schema, seen));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void type(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) return;
        boolean members = schema.getProperties() != null && !schema.getProperties().isEmpty();
        // an OpenAPI 3.1 document writes `types`; springdoc often sets the 3.0 `type` alone, which is not written
        boolean typed = schema.getTypes() != null && !schema.getTypes().isEmpty();
        if (members && !typed && schema.get$ref() == null && (schema.getType() == null || "object".equals(schema.getType()))) {
            schema.setType("object");
            schema.setTypes(new LinkedHashSet<>(Set.of("object")));
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) properties.values().forEach(p -> type(p, seen));
        type(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) type(additional, seen);
        for (Collection<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))
            if (parts != null) parts.forEach(p -> type(p, seen));
    }
}
