package dev.stoa.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.embedded.elasticsearch.LoopbackPorts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared cache of PostgreSQL binaries: extracted once, atomically, and run from there by zonky. */
class PostgresBinariesTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;

    @Test
    void concurrentPreparationsLeaveOneCompleteCopyAndNoTemporaryDirectory() throws Exception {
        var pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<PostgresBinaries>> prepared = new ArrayList<>();
            for (int i = 0; i < 3; i++) prepared.add(pool.submit((Callable<PostgresBinaries>) () -> PostgresBinaries.prepare(cache)));
            for (Future<PostgresBinaries> f : prepared) assertThat(f.get().workingDirectory()).isEqualTo(cache);
        } finally {
            pool.shutdownNow();
        }
        assertThat(children(cache)).hasSize(1);
        Path binaries = children(cache).get(0);
        assertThat(binaries.getFileName().toString()).matches("PG-[0-9a-f]{32}");
        assertThat(binaries.resolve(".exists")).isRegularFile();
        assertThat(Files.isExecutable(binaries.resolve("bin/postgres"))).isTrue();
        assertThat(Files.isSymbolicLink(binaries.resolve("lib/libpq.so"))).isTrue();
    }

    @Test
    void aSecondPreparationExtractsNothingAndAnAbandonedExtractionIsCleanedUp() throws Exception {
        PostgresBinaries.prepare(cache);
        Path binaries = children(cache).get(0);
        FileTime marked = Files.getLastModifiedTime(binaries.resolve(".exists"));
        Path abandoned = Files.createDirectories(cache.resolve(binaries.getFileName() + ".tmp-123/bin"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Files.delete(binaries.resolve(".exists")); // as if the extraction had died just before its end

        PostgresBinaries.prepare(cache);

        assertThat(children(cache)).containsExactly(binaries);
        assertThat(Files.getLastModifiedTime(binaries.resolve(".exists"))).isNotEqualTo(marked);
        Files.setLastModifiedTime(binaries.resolve(".exists"), marked);
        PostgresBinaries.prepare(cache);
        assertThat(Files.getLastModifiedTime(binaries.resolve(".exists"))).as("not extracted again").isEqualTo(marked);
    }

    @Test
    void postgresRunsFromTheCacheWithoutACopyInItsDataDirectory() throws Exception {
        Files.createDirectories(data.resolve("binaries/PG-0123/bin")); // the private copy of earlier versions
        int port = LoopbackPorts.free();
        try (var server = EmbeddedPostgresServer.start(data, port, cache, 48)) {
            assertThat(server.jdbcUrl()).isEqualTo(EmbeddedPostgresServer.jdbcUrl(port));
            try (var connection = DriverManager.getConnection(server.jdbcUrl());
                 var rs = connection.createStatement().executeQuery(
                         "select current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("on");
                assertThat(rs.getString(2)).as("sized by stoa.embedded.postgres.shared-buffers-mb").isEqualTo("48MB");
            }
        }
        assertThat(data.resolve("binaries")).doesNotExist();
        assertThat(children(cache)).hasSize(1);
    }

    private static List<Path> children(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
