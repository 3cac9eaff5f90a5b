package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Visits a schema and every schema inside it (members, items, additional properties, the parts of {@code allOf},
 * {@code anyOf} and {@code oneOf}), each once by identity; a {@code $ref} is visited, not followed. The document's
 * customizers walk it this one way.
 */
final class SchemaTree {
    private SchemaTree() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void visit(Schema<?> schema, Set<Schema<?>> seen, Consumer<Schema<?>> visitor) {
        if (schema == null || !seen.add(schema)) return;
        visitor.accept(schema);
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) properties.values().forEach(p -> visit(p, seen, visitor));
        visit(schema.getItems(), seen, visitor);
        if (schema.getAdditionalProperties() instanceof Schema additional) visit(additional, seen, visitor);
        for (Collection<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))
            if (parts != null) parts.forEach(p -> visit(p, seen, visitor));
    }

    /** Each member of each of the document's component schemas (their first level, not the schemas inside them). */
    @SuppressWarnings("rawtypes")
    static void eachComponentMember(io.swagger.v3.oas.models.OpenAPI openApi, Consumer<Schema> visitor) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) return;
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) properties.values().forEach(visitor);
        }
    }

    /** A set that tells schemas apart by identity (two equal schemas are two places to visit). */
    static Set<Schema<?>> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }
}
