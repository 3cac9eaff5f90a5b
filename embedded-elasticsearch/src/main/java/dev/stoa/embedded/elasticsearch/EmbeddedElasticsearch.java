package dev.stoa.embedded.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node running in a child JVM, started from the distribution this jar carries.
 *
 * <p>Parent side: plain JDK, no Elasticsearch class (the caller's classpath has none) and no Spring. The child stops
 * when its stdin closes: on {@link #close()}, and also when this JVM dies, even by {@code kill -9}. Keep a reference
 * to the instance for as long as the node should run.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    /** Child-side main class; a name only, never loaded here (it needs the ES jars). */
    static final String LAUNCHER_CLASS = "dev.stoa.embedded.elasticsearch.node.NodeMain";
    private static final int TAIL_LINES = 50;
    private static final Pattern HEALTHY = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private final Process process;
    private final Path home;
    private final Path childLog;
    private final String httpUri;
    private final PidFile pidFile;
    private final Path dataDir;
    private final ClassDataArchive classData;
    private final Duration startTimeout;
    private final long launched;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "stoa-es-stop");

    private EmbeddedElasticsearch(Process process, Path home, Path dataDir, Path childLog, String httpUri, PidFile pidFile,
                                  ClassDataArchive classData, Duration startTimeout, long launched) {
        this.process = process;
        this.home = home;
        this.dataDir = dataDir;
        this.classData = classData;
        this.childLog = childLog;
        this.httpUri = httpUri;
        this.pidFile = pidFile;
        this.startTimeout = startTimeout;
        this.launched = launched;
    }

    /** Starts a node and blocks until its cluster is yellow or green; throws IllegalStateException otherwise. */
    public static EmbeddedElasticsearch start(EmbeddedElasticsearchSettings settings) {
        EmbeddedElasticsearch node = launch(settings);
        node.awaitReady();
        return node;
    }

    /**
     * Starts the child JVM and returns at once, before the node answers: {@link #awaitReady()} waits for it. Lets a
     * caller do other work while the node starts (about 10 s) and still {@link #close()} it at any moment.
     */
    public static EmbeddedElasticsearch launch(EmbeddedElasticsearchSettings settings) {
        Path dataDir = settings.dataDir();
        Path childLog = dataDir.resolve("logs").resolve("child.log");
        PidFile pidFile = new PidFile(dataDir.resolve("es.pid"));
        Process process;
        String uri;
        Path home;
        ClassDataArchive classData = null;
        long started = System.nanoTime();
        try {
            for (String dir : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dataDir.resolve(dir));
            }
            pidFile.stopLeftover(dataDir); // before extracting: a leftover node may still use the old home
            String java = settings.javaExecutable() != null ? settings.javaExecutable() : ClassDataArchive.currentJava();
            home = sharedHome(settings);
            if (home != null) {
                classData = ClassDataArchive.forNode(home, java);
            } else {
                home = Distribution.ensureExtracted(dataDir.resolve("home"));
            }
            int port = settings.port() == 0 ? LoopbackPorts.free() : settings.port();
            uri = "http://127.0.0.1:" + port;
            process = new ProcessBuilder(NodeCommand.build(java, settings, home, port,
                    classData == null ? List.of() : classData.jvmOptions()))
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile()) // truncates: one file per start
                .start(); // stdin stays a pipe that only we hold: its EOF stops the child
            pidFile.write(process.pid());
        } catch (IOException e) {
            if (classData != null) {
                classData.close(false);
            }
            throw new UncheckedIOException("cannot start Elasticsearch in " + dataDir, e);
        }
        var node = new EmbeddedElasticsearch(process, home, dataDir, childLog, uri, pidFile, classData,
            settings.startTimeout(), started);
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        return node;
    }

    /** The shared home of the settings' distribution directory; null without one, or when it cannot be written. */
    private static Path sharedHome(EmbeddedElasticsearchSettings settings) {
        if (settings.distributionDir() == null) {
            return null;
        }
        try {
            Path home = Distribution.ensureShared(settings.distributionDir());
            Path privateCopy = settings.dataDir().resolve("home"); // extracted by earlier versions
            if (!home.startsWith(privateCopy)) {
                Distribution.deleteRecursively(privateCopy);
            }
            return home;
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot use {} for the Elasticsearch distribution ({}); extracting it into {} instead",
                settings.distributionDir(), e.toString(), settings.dataDir().resolve("home"));
            return null;
        }
    }

    /**
     * Blocks until the node's cluster is yellow or green, for at most the settings' start timeout. On failure (the
     * child exited, the timeout passed, the node was closed meanwhile) the child is stopped and an
     * IllegalStateException names the cause and quotes the end of the child's log.
     */
    public void awaitReady() {
        try {
            awaitHealthy(startTimeout);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            close();
            throw e;
        }
        log.info("Elasticsearch started at {} (pid {}) in {} ms, data in {}", httpUri, process.pid(),
            (System.nanoTime() - launched) / 1_000_000, dataDir.resolve("data"));
    }

    public String httpUri() {
        return httpUri;
    }

    public Path home() {
        return home;
    }

    public boolean isRunning() {
        return !closed.get() && process.isAlive();
    }

    /**
     * Asks the node to stop (closes its stdin), waits up to 20 s (60 s while it writes its class-data archive, once),
     * then kills it. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotRegistered) {
            // nothing to undo
        }
        boolean exitedCleanly = false;
        try {
            process.getOutputStream().close();
            int seconds = classData != null && classData.writesAtExit() ? 60 : 20;
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                exitedCleanly = process.exitValue() == 0;
            } else {
                log.warn("Elasticsearch (pid {}) did not stop within {} s; killing it", process.pid(), seconds);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (classData != null) {
            classData.close(exitedCleanly);
        }
        pidFile.delete();
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(httpUri + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5))
            .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (closed.get()) {
                throw failure("was stopped while starting");
            }
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && HEALTHY.matcher(response.body()).find()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("was interrupted while waiting for it to start");
            }
            sleep(250);
        }
        throw failure("did not become healthy within " + timeout.toSeconds() + " s");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("Elasticsearch at " + httpUri + " " + what + "; last lines of " + childLog
            + ":\n" + tail(childLog));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
