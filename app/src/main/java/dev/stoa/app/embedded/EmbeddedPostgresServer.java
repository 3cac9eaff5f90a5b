package dev.stoa.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for the zero-install default, keeping its data in {@code dir/data}. Durable:
 * zonky turns {@code synchronous_commit} off, and a platform that keeps money turns it back on.
 * A watchdog shell process holds a pipe from this JVM; if the JVM dies, even by SIGKILL, the pipe
 * closes and the watchdog stops the postmaster, so no orphan survives.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Process watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    static EmbeddedPostgresServer start(Path dir) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        StaleProcesses.stopPostmaster(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new EmbeddedPostgresServer(pg, watchdog(data));
    }

    private static Process watchdog(Path data) throws IOException {
        String script = "cat >/dev/null; pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null); "
                + "[ -n \"$pid\" ] && kill -INT \"$pid\" 2>/dev/null; exit 0";
        return new ProcessBuilder(List.of("sh", "-c", script, "stoa-pg-watchdog", data.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    String jdbcUrl() { return postgres.getJdbcUrl("postgres", "postgres"); }

    int port() { return postgres.getPort(); }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            watchdog.destroyForcibly();
        }
    }
}
