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
 * A real PostgreSQL for the zero-install default, keeping its data in {@code dir/data} and running the binaries
 * of the shared cache ({@link PostgresBinaries}). Durable:
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

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dir/data}, its binaries from the shared
     * {@code binariesCache} (or, when that cannot be written, from {@code dir/binaries} as before).
     */
    static EmbeddedPostgresServer start(Path dir, int port, Path binariesCache, int sharedBuffersMb) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        StaleProcesses.stopPostmaster(data);
        PostgresBinaries binaries = binaries(binariesCache, dir.resolve("binaries"));
        // first, so that a JVM killed while PostgreSQL starts still has it stopped
        Process watchdog = watchdog(data);
        try {
            return new EmbeddedPostgresServer(builder(data, port, binaries, sharedBuffersMb).start(), watchdog);
        } catch (IOException | RuntimeException e) {
            watchdog.destroyForcibly(); // SIGKILL: it stops nothing on its way out
            throw e;
        }
    }

    private static EmbeddedPostgres.Builder builder(Path data, int port, PostgresBinaries binaries, int sharedBuffersMb) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                .setPgBinaryResolver(binaries.resolver())
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", sharedBuffersMb + "MB")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static PostgresBinaries binaries(Path cache, Path ownCopy) throws IOException {
        try {
            PostgresBinaries binaries = PostgresBinaries.prepare(cache);
            if (!cache.toAbsolutePath().startsWith(ownCopy.toAbsolutePath())) {
                PostgresBinaries.deleteRecursively(ownCopy); // the private copy earlier versions extracted
            }
            return binaries;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot use the PostgreSQL binaries cache {} ({}); extracting them into {} instead "
                    + "(set stoa.embedded.cache-dir to a writable directory)", cache, e.toString(), ownCopy);
            return PostgresBinaries.prepare(ownCopy);
        }
    }

    /** The URL {@link #jdbcUrl()} will answer once started, known before: zonky's format. */
    static String jdbcUrl(int port) { return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres"; }

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
