package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared homes: one complete copy per version whoever extracts it, the launcher in a jar, old versions removed. */
class DistributionTest {

    @TempDir
    Path shared;

    @Test
    void concurrentExtractionsLeaveOneCompleteHome() throws Exception {
        var pool = Executors.newFixedThreadPool(3);
        List<Path> homes = new ArrayList<>();
        try {
            List<Future<Path>> extracted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                extracted.add(pool.submit((Callable<Path>) () -> Distribution.ensureShared(shared)));
            }
            for (Future<Path> f : extracted) {
                homes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(homes).containsOnly(homes.get(0));
        assertThat(children(shared)).containsExactly(homes.get(0));
        Path home = homes.get(0);
        assertThat(home.getFileName().toString()).isEqualTo("es-" + Distribution.version().substring(0, 16));
        assertThat(home.resolve("lib/elasticsearch-9.5.3.jar")).isRegularFile();
        assertThat(home.resolve("config/log4j2.properties")).isRegularFile();
        try (var launcher = new JarFile(home.resolve(Distribution.LAUNCHER_JAR).toFile())) {
            assertThat(launcher.getEntry(EmbeddedElasticsearch.LAUNCHER_CLASS.replace('.', '/') + ".class")).isNotNull();
        }
        assertThat(Distribution.ensureShared(shared)).isEqualTo(home);
    }

    @Test
    void olderVersionsGoOnceSeveralNewerOnesExist() throws Exception {
        List<Path> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path version = Files.createDirectories(shared.resolve("es-000000000000000" + i));
            Files.writeString(version.resolve(".stoa-es-index.sha256"), "an older build");
            Files.setLastModifiedTime(version.resolve(".stoa-es-index.sha256"),
                FileTime.from(Instant.now().minus(10 - i, ChronoUnit.HOURS)));
            old.add(version);
        }
        Path current = Distribution.ensureShared(shared);

        assertThat(children(shared)).containsExactlyInAnyOrder(current, old.get(2), old.get(3), old.get(4));
    }

    private static List<Path> children(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
