package dev.stoa.app.platform.openapi;

import dev.stoa.api.platform.Ids;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * An id record that is a body's or an answer's field (not a path or query parameter) is a UUID string on the wire, as
 * everywhere: springdoc's replacement schema keeps its pattern but writes it {@code "type": "object"} there
 * (ProgressRequest.lessonId, CertificateView's ids, until 2026-12-06, ninth session; a generated client sent an object;
 * found by a walkthrough). Such properties are made the strings they are.
 */
@Component
class IdFieldTypes implements OpenApiCustomizer {
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        SchemaTree.eachComponentMember(openApi, p -> {
            if (!Ids.UUID_PATTERN.equals(p.getPattern()) && !AnchoredPatterns.anchored(Ids.UUID_PATTERN).equals(p.getPattern()))
                return;
            boolean mayBeNull = p.getTypes() != null && p.getTypes().contains("null");
            p.setType("string");
            p.setTypes(new java.util.LinkedHashSet<>(mayBeNull ? java.util.List.of("string", "null") : java.util.List.of("string")));
        });
    }
}
