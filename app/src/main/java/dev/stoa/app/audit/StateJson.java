package dev.stoa.app.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stoa.app.platform.axon.AxonJson;

/**
 * An aggregate's state as JSON: its fields, and the fields of what they hold, as a snapshot writes them (Axon's JSON,
 * {@link AxonJson}, with field access as {@code SnapshotState} gives the aggregates that have snapshots), whatever
 * getters or accessors the classes have: those answer questions, they are not state. Transient and static fields are
 * left out; ids and other values with a {@code @JsonValue} read as that value.
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
        return mapper;
    }
}
