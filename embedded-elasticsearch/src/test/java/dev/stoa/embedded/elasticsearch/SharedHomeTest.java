package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes of two data directories on one shared distribution: both run at once; the first to stop writes the
 * class-data archive, which the next node starts with.
 */
class SharedHomeTest {

    @TempDir
    Path root;

    @Test
    void nodesOfSeveralDataDirectoriesShareOneHomeAndItsClassDataArchive() throws Exception {
        Path shared = root.resolve("shared");
        var first = settings("one", shared);
        var second = settings("two", shared);
        Files.createDirectories(root.resolve("one/home/lib")); // the private copy of earlier versions
        try (var a = EmbeddedElasticsearch.start(first); var b = EmbeddedElasticsearch.start(second)) {
            assertThat(a.home()).isEqualTo(b.home()).startsWith(shared);
            assertThat(new EsHttp(a.httpUri()).get("/_cluster/health").status()).isEqualTo(200);
            assertThat(new EsHttp(b.httpUri()).get("/_cluster/health").status()).isEqualTo(200);
            assertThat(commandLine(first)).contains("-XX:ArchiveClassesAtExit=");
            assertThat(commandLine(second)).doesNotContain("-XX:ArchiveClassesAtExit=").doesNotContain("-XX:SharedArchiveFile=");
        }
        Path cds = Distribution.ensureShared(shared).resolve("cds");
        try (Stream<Path> files = Files.list(cds)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                .as("one archive, no claim or temporary file left").singleElement().asString().matches("node-\\w{16}\\.jsa");
        }

        try (var again = EmbeddedElasticsearch.start(first)) {
            assertThat(commandLine(first)).contains("-XX:SharedArchiveFile=" + cds);
            assertThat(new EsHttp(again.httpUri()).get("/_cluster/health").status()).isEqualTo(200);
        }
        assertThat(root.resolve("one/home")).doesNotExist();
    }

    private EmbeddedElasticsearchSettings settings(String name, Path shared) {
        return EmbeddedElasticsearchSettings.defaults(root.resolve(name)).withHeapMb(256).withDistributionDir(shared);
    }

    /** The child's command line, from /proc (this test runs where the node runs: Linux). */
    private static String commandLine(EmbeddedElasticsearchSettings settings) throws Exception {
        String pid = Files.readString(settings.dataDir().resolve("es.pid")).trim();
        return Files.readString(Path.of("/proc", pid, "cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
