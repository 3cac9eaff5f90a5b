package dev.stoa.app.learning;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Adobe's S3Mock (a real S3 REST API over HTTP, files on disk) as a child process, from its executable jar on the test
 * classpath ({@code com.adobe.testing:s3mock::exec}). Plain HTTP on a free port (its HTTPS connector on a random one),
 * its files in {@code target/}, the given buckets created at start; {@link #close()} kills it.
 */
final class S3MockServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final Process process;
    private final int port;
    private final Path log;

    private S3MockServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static S3MockServer start(String... buckets) throws IOException, InterruptedException {
        int port = freePort();
        Path root = Files.createDirectories(Path.of("target/s3mock")).toAbsolutePath();
        Path data = Files.createTempDirectory(root, "store-");
        Path log = root.resolve("s3mock-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar(),
                "--server.port=0", // its HTTPS connector: unused, but must not collide
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.root=" + data,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3MockServer server = new S3MockServer(process, port, log);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String endpoint() { return "http://localhost:" + port; }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ready when its S3 API lists buckets (the initial ones are made just after Tomcat is up). */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            try {
                HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (listing.statusCode() == 200 && listing.body().contains("<Buckets>")) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT + "; see " + log);
    }

    /** Surefire's forked JVM has a manifest-only jar as {@code java.class.path}; it names the real one apart. */
    private static String jar() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> entry.matches(".*[/\\\\]s3mock-[^/\\\\]+-exec\\.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("com.adobe.testing:s3mock:exec is not on the test classpath"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
