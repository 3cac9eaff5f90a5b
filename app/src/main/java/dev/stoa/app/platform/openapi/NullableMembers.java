package dev.stoa.app.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.stoa.api.platform.MayBeNull;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A member marked {@link MayBeNull} is typed its type or null in the OpenAPI 3.1 document: {@code "type": ["string",
 * "null"]}, or for a member whose schema is another one, {@code "oneOf": [{"$ref": ...}, {"type": "null"}]} (a
 * {@code $ref} beside a type would demand both). Every other member stays its plain type: an answer never sends it
 * null ({@code DocumentedShapesIT} holds both sides to every answer of the test run). swagger-core 2.2.36 reads no
 * nullability annotation of its own in 3.1 documents.
 */
class NullableMembers extends ModelResolver {
    NullableMembers(ObjectMapper mapper, TypeNameResolver names) {
        super(mapper, names);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected boolean applyBeanValidatorAnnotations(BeanPropertyDefinition member, Schema property, Annotation[] annotations,
                                                    Schema parent, boolean applyNotNullAnnotations) {
        boolean applied = super.applyBeanValidatorAnnotations(member, property, annotations, parent, applyNotNullAnnotations);
        if (property != null && mayBeNull(member, annotations)) orNull(property);
        if (property != null && alwaysSent(member)) property.addExtension(RequiredAnswerMembers.ALWAYS_SENT, true);
        return applied;
    }

    /**
     * Whether Jackson writes the member whatever its value: neither it nor its class says {@code @JsonInclude} with
     * anything but {@code ALWAYS} (the platform's mapper includes nulls). {@link RequiredAnswerMembers} makes such
     * members of answers {@code required}.
     */
    private static boolean alwaysSent(BeanPropertyDefinition member) {
        if (member == null || member.getPrimaryMember() == null) return false;
        com.fasterxml.jackson.annotation.JsonInclude own =
                member.getPrimaryMember().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        if (own != null) return own.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;
        com.fasterxml.jackson.annotation.JsonInclude ofClass = member.getPrimaryMember().getDeclaringClass()
                .getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        return ofClass == null || ofClass.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;
    }

    private static boolean mayBeNull(BeanPropertyDefinition member, Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) if (annotation instanceof MayBeNull) return true;
        }
        return member != null && member.getPrimaryMember() != null && member.getPrimaryMember().hasAnnotation(MayBeNull.class);
    }

    /** The schema, changed in place, to accept null too. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void orNull(Schema schema) {
        if (schema.get$ref() != null) {
            Schema referenced = new JsonSchema().$ref(schema.get$ref());
            schema.set$ref(null);
            List<Schema> either = new ArrayList<>();
            either.add(referenced);
            either.add(new JsonSchema().types(new LinkedHashSet<>(Set.of("null"))));
            schema.setOneOf(either);
            return;
        }
        Set<String> types = schema.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(schema.getTypes());
        if (types.isEmpty() && schema.getType() != null) types.add(schema.getType());
        if (types.isEmpty()) return; // a schema of any type takes null already
        types.add("null");
        schema.setTypes(types);
    }
}
