package dev.stoa.app.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.stoa.app.platform.axon.AxonJson;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * An aggregate's state as JSON: its fields, and the fields of what they hold, as a snapshot writes them (Axon's JSON,
 * {@link AxonJson}, with field access as {@code SnapshotState} gives the aggregates that have snapshots), whatever
 * getters or accessors the classes have: those answer questions, they are not state. Transient and static fields are
 * left out; ids and other values with a {@code @JsonValue} read as that value, and an enum with a {@code value()} (the
 * statuses, types) as that value, the word the API uses ({@code confirmed}, not {@code CONFIRMED}).
 */
final class StateJson {
    private static final ObjectMapper FIELDS = fieldsOnly();

    private StateJson() {}

    static JsonNode of(Object aggregate) { return FIELDS.valueToTree(aggregate); }

    private static ObjectMapper fieldsOnly() {
        ObjectMapper mapper = AxonJson.mapper();
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.registerModule(new SimpleModule("stoa-state-enums").addSerializer(Enum.class, new StdSerializer<>(Enum.class) {
            @Override
            public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(apiValue(value));
            }
        }));
        return mapper;
    }

    /** The enum's {@code value()} where it has one (a String), else its name. */
    static String apiValue(Enum<?> e) {
        try {
            Method value = e.getDeclaringClass().getMethod("value");
            if (value.getReturnType() == String.class && value.getParameterCount() == 0) return (String) value.invoke(e);
        } catch (ReflectiveOperationException | RuntimeException none) {
            // no value(): its name
        }
        return e.name();
    }
}
