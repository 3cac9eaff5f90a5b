package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every member an answer always sends is {@code required} in its schema: a generated client then types it as present
 * (with its type, or its type or null where {@link NullableMembers} says so) instead of optional. Before 2026-12-07
 * few answer schemas listed any, so a Kotlin or Swift client made every member optional, and TypeScript's
 * {@code x?: string}. Only schemas of answers alone: a schema a request body also uses keeps the requirements its
 * validation sets. A member is always sent unless a {@code @JsonInclude} leaves it out when null (the marker
 * {@link #ALWAYS_SENT} comes from {@link NullableMembers} and is removed here). {@code DocumentedShapesIT} checks every
 * answer of the test run has every required member.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RequiredAnswerMembers implements OpenApiCustomizer {
    static final String ALWAYS_SENT = "x-stoa-always-sent";
    private static final String REF = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) return;
        Map<String, Schema> components = openApi.getComponents().getSchemas();
        Set<String> ofRequests = new HashSet<>(), ofAnswers = new HashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                requests(operation).forEach(schema -> reach(schema, components, ofRequests));
                answers(operation).forEach(schema -> reach(schema, components, ofAnswers));
            }));
        }
        components.forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) return;
            if (ofAnswers.contains(name) && !ofRequests.contains(name)) {
                List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
                properties.forEach((member, property) -> {
                    if (property.getExtensions() != null && Boolean.TRUE.equals(property.getExtensions().get(ALWAYS_SENT))
                            && !required.contains(member)) required.add(member);
                });
                required.sort(String::compareTo);
                schema.setRequired(required.isEmpty() ? null : required);
            }
            properties.values().forEach(property -> {
                if (property.getExtensions() != null) {
                    property.getExtensions().remove(ALWAYS_SENT);
                    if (property.getExtensions().isEmpty()) property.setExtensions(null);
                }
            });
        });
    }

    private static List<Schema<?>> requests(Operation operation) {
        List<Schema<?>> schemas = new ArrayList<>();
        if (operation.getRequestBody() != null) schemas.addAll(of(operation.getRequestBody().getContent()));
        if (operation.getParameters() != null)
            for (Parameter parameter : operation.getParameters()) if (parameter.getSchema() != null) schemas.add(parameter.getSchema());
        return schemas;
    }

    private static List<Schema<?>> answers(Operation operation) {
        List<Schema<?>> schemas = new ArrayList<>();
        if (operation.getResponses() != null)
            for (ApiResponse response : operation.getResponses().values()) schemas.addAll(of(response.getContent()));
        return schemas;
    }

    private static List<Schema<?>> of(Content content) {
        List<Schema<?>> schemas = new ArrayList<>();
        if (content != null) content.values().forEach(media -> { if (media.getSchema() != null) schemas.add(media.getSchema()); });
        return schemas;
    }

    /** Adds the names of the component schemas this schema reaches, through references, members and items. */
    @SuppressWarnings("rawtypes")
    private static void reach(Schema<?> schema, Map<String, Schema> components, Set<String> reached) {
        SchemaTree.visit(schema, SchemaTree.identitySet(), inside -> {
            if (inside.get$ref() == null || !inside.get$ref().startsWith(REF)) return;
            String name = inside.get$ref().substring(REF.length());
            if (reached.add(name)) reach(components.get(name), components, reached);
        });
    }
}
