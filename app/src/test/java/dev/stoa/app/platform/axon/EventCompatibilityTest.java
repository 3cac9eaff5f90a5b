package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.stoa.app.support.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/**
 * Events read the same forever. {@code src/test/resources/events/<Type>.v<revision>.json} holds each event type's
 * payload exactly as Stoa stored it (captured from the serializer of the version that introduced the revision);
 * none is ever edited or deleted. Every fixture must still be read by today's code, through today's upcasters,
 * without losing a field, and every event type must have a fixture for its current revision.
 */
class EventCompatibilityTest {
    private static final Path FIXTURES = Path.of("src/test/resources/events");
    private final Serializer serializer = AxonJson.serializer();
    /** Unknown properties fail here: a fixture field the event no longer has is data an upgrade would drop. */
    private final ObjectMapper strict = AxonJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Class<?>> events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.stoa.api").stream()
            .filter(c -> c.isAnnotatedWith(Revision.class)).map(JavaClass::reflect)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity(), (a, b) -> a, TreeMap::new));

    @Test
    void everyEventTypeHasAFixtureOfItsCurrentRevision() {
        assertThat(events).as("the @Revision records in dev.stoa.api").hasSizeGreaterThanOrEqualTo(38);
        List<String> missing = events.values().stream().filter(type -> !Files.exists(fixture(type, revision(type))))
                .map(type -> fixture(type, revision(type)).getFileName() + ", e.g. " + sampleJson(type)).toList();
        assertThat(missing).as("event types without a fixture: add each file, with the JSON this version stores "
                + "(an example follows each name), and never change it afterwards").isEmpty();
    }

    @Test
    void everyFixtureReadsWithTodaysCodeWithoutLosingAField() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(f -> f.getFileName().toString().matches("\\w+\\.v[^.]+\\.json")).sorted().toList();
        }
        for (Path file : fixtures) {
            String[] name = file.getFileName().toString().split("\\.");
            Class<?> type = events.get(name[0]);
            assertThat(type).as("%s names an event type that no longer exists: keep it readable (an upcaster to its "
                    + "successor) instead of deleting the type", file).isNotNull();
            IntermediateEventRepresentation upcast = upcast(type, name[1].substring(1), Files.readAllBytes(file));
            assertThat(upcast.getType().getRevision()).as("%s upcast to the current revision", file).isEqualTo(revision(type));

            Object event = serializer.deserialize(upcast.getData());
            assertThat(event).as(file.toString()).isInstanceOf(type);
            JsonNode stored = serializer.getConverter().convert(upcast.getData(), JsonNode.class).getData();
            assertThat(strict.treeToValue(stored, type)).as("%s read strictly", file).isEqualTo(event);
            JsonNode written = serializer.serialize(event, JsonNode.class).getData();
            stored.fieldNames().forEachRemaining(field -> assertThat(written.get(field)).as("%s: field %s written back", file, field)
                    .isEqualTo(stored.get(field)));
        }
    }

    @Test
    void metadataReadsAndWritesAsStored() throws IOException {
        byte[] stored = Files.readAllBytes(FIXTURES.resolve("MetaData.json"));
        MetaData read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, MetaData.class.getName(), null));
        assertThat(read).containsEntry("userId", "5f0c7a52-8d1e-4b8e-9a57-1f1d3c2b9e10").containsKeys("correlationId",
                "causationId", "idempotencyKey");
        assertThat(strict.readTree(serializer.serialize(read, byte[].class).getData())).isEqualTo(strict.readTree(stored));
    }

    private IntermediateEventRepresentation upcast(Class<?> type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0, "event-1",
                "2026-11-30T12:34:56.789Z", type.getName(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(EventUpcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).as("what %s revision %s becomes", type.getSimpleName(), revision).hasSize(1);
        return upcast.get(0);
    }

    private static String revision(Class<?> type) { return type.getAnnotation(Revision.class).value(); }

    private static Path fixture(Class<?> type, String revision) {
        return FIXTURES.resolve(type.getSimpleName() + ".v" + revision + ".json");
    }

    private String sampleJson(Class<?> type) {
        SerializedObject<byte[]> sample = serializer.serialize(Samples.record(type), byte[].class);
        return new String(sample.getData(), StandardCharsets.UTF_8);
    }
}
