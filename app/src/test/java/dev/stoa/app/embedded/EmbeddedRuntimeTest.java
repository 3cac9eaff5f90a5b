package dev.stoa.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.embedded.elasticsearch.EmbeddedElasticsearchSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers start in the background: their URLs are known at once, whoever needs one waits for it, a server that
 * cannot start says so clearly, and stop() ends a server also while it is still starting.
 */
class EmbeddedRuntimeTest {
    @TempDir
    Path dataDir;
    private EmbeddedRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) runtime.stop();
    }

    private EmbeddedRuntime.PostgresSettings postgres() {
        return new EmbeddedRuntime.PostgresSettings(Duration.ofSeconds(120), Path.of(System.getProperty("user.home"), ".cache", "stoa", "postgres"), 64);
    }

    private EmbeddedElasticsearchSettings elasticsearch() {
        return EmbeddedElasticsearchSettings.defaults(dataDir.resolve("elasticsearch")).withHeapMb(256);
    }

    @Test
    void urlsAreKnownAtOnceAndEachServerServesOnceAwaited() throws Exception {
        runtime = EmbeddedRuntime.forDataDir(dataDir);
        runtime.start(postgres(), elasticsearch());
        assertThat(runtime.jdbcUrl()).matches("jdbc:postgresql://localhost:\\d+/postgres\\?user=postgres");
        assertThat(runtime.elasticsearchUri()).matches("http://127\\.0\\.0\\.1:\\d+");
        String jdbcUrl = runtime.jdbcUrl();
        runtime.start(postgres(), elasticsearch()); // a second context of the same JVM shares them
        assertThat(runtime.jdbcUrl()).isEqualTo(jdbcUrl);

        runtime.awaitPostgres();
        try (var connection = DriverManager.getConnection(runtime.jdbcUrl())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        runtime.awaitElasticsearch();
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(runtime.elasticsearchUri() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        long esPid = Long.parseLong(Files.readString(dataDir.resolve("elasticsearch/es.pid")).trim());
        long pgPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/data/postmaster.pid")).get(0).trim());

        runtime.stop();
        assertThat(gone(esPid)).as("Elasticsearch %d stopped", esPid).isTrue();
        assertThat(gone(pgPid)).as("postmaster %d stopped", pgPid).isTrue();
    }

    /** Whether the process ends within 30 s (a postmaster may take a moment after pg_ctl returned). */
    private static boolean gone(long pid) throws Exception {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) return true;
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Test
    void stopEndsElasticsearchWhileItIsStillStarting() throws Exception {
        runtime = EmbeddedRuntime.forDataDir(dataDir);
        runtime.start(null, elasticsearch());
        Path pidFile = dataDir.resolve("elasticsearch/es.pid");
        for (int i = 0; i < 600 && !Files.exists(pidFile); i++) Thread.sleep(100);
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow();

        runtime.stop();

        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void elasticsearchThatCannotStartFailsTheWaitWithItsLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            runtime = EmbeddedRuntime.forDataDir(dataDir);
            runtime.start(null, elasticsearch().withPort(taken.getLocalPort()));

            assertThatThrownBy(runtime::awaitElasticsearch)
                    .isInstanceOf(EmbeddedServerFailed.class)
                    .hasMessageStartingWith("Could not start the embedded Elasticsearch under " + dataDir.toAbsolutePath())
                    .hasMessageContaining("last lines of")
                    .hasMessageContaining("BindException");
        }
    }

    @Test
    void postgresThatCannotStartFailsTheWaitAndIsTriedAgainAtTheNextStart() throws Exception {
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres/data"), "not a directory");
        runtime = EmbeddedRuntime.forDataDir(dataDir);
        runtime.start(postgres(), null);

        assertThatThrownBy(runtime::awaitPostgres)
                .isInstanceOf(EmbeddedServerFailed.class)
                .hasMessageStartingWith("Could not start the embedded PostgreSQL under " + dataDir.toAbsolutePath())
                .satisfies(e -> assertThat(((EmbeddedServerFailed) e).server()).isEqualTo("PostgreSQL"));

        Files.delete(dataDir.resolve("postgres/data"));
        runtime.start(postgres(), null);
        runtime.awaitPostgres();
        try (var connection = DriverManager.getConnection(runtime.jdbcUrl())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
