package dev.stoa.app.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stoa.app.platform.axon.AxonJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An instance of any event record with a plausible value in every field, read through Axon's JSON as a stored event
 * is: ids are fresh UUIDs (ids validate themselves), numbers 1, instants now, enums their first constant, collections
 * empty, nested records filled the same way.
 */
final class SampleEvents {
    private static final ObjectMapper JSON = AxonJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleEvents() {}

    static Object of(Class<?> type) { return JSON.convertValue(value(type, 0), type); }

    /** An id's value: a UUID, or the first other form its type accepts. */
    private static JsonNode id(Class<?> type) {
        for (String candidate : List.of(UUID.randomUUID().toString(), "voucher-" + "0123456789abcdef".repeat(4))) {
            try {
                JSON.convertValue(NODES.textNode(candidate), type);
                return NODES.textNode(candidate);
            } catch (IllegalArgumentException refused) {
                // not this form
            }
        }
        throw new IllegalStateException("no sample value for " + type);
    }

    private static JsonNode value(Type generic, int depth) {
        Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : generic instanceof Class<?> c ? c : Object.class;
        if (type == String.class) return NODES.textNode(UUID.randomUUID().toString());
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == double.class || type == Double.class) return NODES.numberNode(1);
        if (type == boolean.class || type == Boolean.class) return NODES.booleanNode(false);
        if (type == Instant.class) return NODES.textNode(Instant.now().toString());
        if (type == LocalDate.class) return NODES.textNode(LocalDate.now().toString());
        if (type == Duration.class) return NODES.textNode("PT1M");
        if (type.isEnum()) return JSON.valueToTree(type.getEnumConstants()[0]);
        if (Collection.class.isAssignableFrom(type)) return NODES.arrayNode();
        if (Map.class.isAssignableFrom(type)) return NODES.objectNode();
        if (type.isRecord() && depth < 5) {
            RecordComponent[] components = type.getRecordComponents();
            if (components.length == 1 && components[0].getAccessor().isAnnotationPresent(JsonValue.class))
                return id(type);
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : components)
                object.set(component.getName(), value(component.getGenericType(), depth + 1));
            return object;
        }
        return NODES.nullNode();
    }
}
