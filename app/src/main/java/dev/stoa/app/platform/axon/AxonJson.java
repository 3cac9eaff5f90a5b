package dev.stoa.app.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON of everything Axon stores or sends: events and their metadata, snapshots, tracking tokens, and (with
 * Axon Server) commands, queries and their results. It is not the web API's {@code ObjectMapper}, on purpose:
 * what the API accepts from clients ({@code spring.jackson.*}, such as refusing 19.99 for a cents field) may change
 * at any time, while an event stored today must read the same in every later version.
 *
 * <p>Settings, each chosen to read and write exactly what was stored before this mapper existed (when Axon fell
 * back to the web mapper; {@code EventCompatibilityTest} checks every event type against a fixture of that output):
 * <ul>
 *   <li>{@link JavaTimeModule}, instants as ISO-8601 text ({@code "2026-11-30T12:34:56.789Z"}), not numbers;
 *       {@link Jdk8Module} for {@code Optional}.</li>
 *   <li>Unknown properties are ignored, so an event stored before a field was removed still reads; a field added
 *       later reads as null (or 0/false) from older events. Renaming or retyping a field needs an upcaster.</li>
 *   <li>No API strictness: coercions Jackson allows by default stay allowed, since a stored value cannot be fixed.</li>
 * </ul>
 * Records (events, ids) are written through their components; aggregates opt in to field access for snapshots
 * with {@code dev.stoa.command.platform.SnapshotState}.
 */
public final class AxonJson {
    private AxonJson() {}

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Axon's Jackson serializer on {@link #mapper()}; {@code @Revision} on a class names its revision. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(mapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(AxonJson.class.getClassLoader()))
                .build();
    }
}
