package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
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
        Set<Schema<?>> seen = SchemaTree.identitySet();
        openApi.getComponents().getSchemas().values().forEach(schema -> SchemaTree.visit(schema, seen, ObjectTypes::type));
    }

    private static void type(Schema<?> schema) {
        boolean members = schema.getProperties() != null && !schema.getProperties().isEmpty();
        // an OpenAPI 3.1 document writes `types`; springdoc often sets the 3.0 `type` alone, which is not written
        boolean typed = schema.getTypes() != null && !schema.getTypes().isEmpty();
        if (members && !typed && schema.get$ref() == null && (schema.getType() == null || "object".equals(schema.getType()))) {
            schema.setType("object");
            schema.setTypes(new LinkedHashSet<>(Set.of("object")));
        }
    }
}
