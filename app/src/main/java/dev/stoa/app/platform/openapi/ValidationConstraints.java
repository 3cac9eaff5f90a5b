package dev.stoa.app.platform.openapi;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * The request bodies' Bean Validation rules that swagger-core leaves out of the document, so that a client validating
 * a body against it is refused nothing the server takes, and takes nothing the server refuses: {@code @NotBlank} and
 * {@code @NotEmpty} on a text make it {@code minLength: 1} (a {@code @Size(max)} beside them wrote {@code minLength: 0}),
 * {@code @PositiveOrZero} a {@code minimum} of 0, {@code @Positive} one of 1 on whole numbers (an exclusive 0 on
 * others). Before 2026-12-07 a blank name or a negative price validated against the document and was refused 400
 * (walkthrough Z14). A bound the property already states more tightly is kept.
 */
@Component
class ValidationConstraints implements PropertyCustomizer, OpenApiCustomizer {
    private static final String NOT_BLANK = "x-stoa-not-blank";

    /** Each text marked not blank gets a {@code minLength} of at least 1, and loses the mark. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        SchemaTree.eachComponentMember(openApi, property -> {
            if (property.getExtensions() == null || property.getExtensions().remove(NOT_BLANK) == null) return;
            if (property.getExtensions().isEmpty()) property.setExtensions(null);
            if (property.getMinLength() == null || property.getMinLength() < 1) property.setMinLength(1);
        });
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type == null || type.getCtxAnnotations() == null) return property;
        boolean whole = isWhole(type);
        for (Annotation annotation : type.getCtxAnnotations()) {
            // swagger-core writes a @Size's minimum (0 when only a maximum is given) after this runs: marked here,
            // raised when the whole document is done (customise)
            if ((annotation instanceof NotBlank || annotation instanceof NotEmpty) && isText(property))
                property.addExtension(NOT_BLANK, true);
            if (annotation instanceof PositiveOrZero) raiseMinimum(property, BigDecimal.ZERO);
            if (annotation instanceof Positive) {
                if (whole) raiseMinimum(property, BigDecimal.ONE);
                else if (property.getMinimum() == null && property.getExclusiveMinimumValue() == null)
                    property.setExclusiveMinimumValue(BigDecimal.ZERO);
            }
        }
        return property;
    }

    private static boolean isText(Schema<?> property) {
        return "string".equals(property.getType()) || property.getTypes() != null && property.getTypes().contains("string");
    }

    private static boolean isWhole(AnnotatedType type) {
        Class<?> raw = type.getType() instanceof Class<?> c ? c : TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        return raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class || raw == Short.class
                || raw == short.class;
    }

    private static void raiseMinimum(Schema<?> property, BigDecimal minimum) {
        if (property.getMinimum() == null || property.getMinimum().compareTo(minimum) < 0) property.setMinimum(minimum);
    }
}
