package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event types an auditor may filter by are the contract's events: those with a stored-form fixture, each. */
class EventTypesTest {
    @Test
    void theContractsEventTypesAreFoundOnTheClassPath_oneForEachFixture() throws IOException {
        Set<String> fixtures;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events"))) {
            fixtures = files.map(f -> f.getFileName().toString()).filter(f -> f.matches(".*\\.v\\d+\\.json"))
                    .map(f -> f.replaceAll("\\.v\\d+\\.json$", ""))
                    .collect(Collectors.toSet());
        }
        EventTypes types = new EventTypes(null);
        assertThat(types.contract()).containsExactlyInAnyOrderElementsOf(fixtures).contains("OrderPlaced", "UserRegistered");
        assertThat(types.sameButCase("orderPLACED")).contains("OrderPlaced");
        assertThat(types.sameButCase("OrderPlacd")).isEmpty();
    }
}
