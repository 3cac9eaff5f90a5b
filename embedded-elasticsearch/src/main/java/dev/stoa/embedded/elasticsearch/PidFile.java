package dev.stoa.embedded.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <dataDir>/es.pid}: the child of the last start. A parent killed with -9 leaves its child alive only until the
 * child notices stdin EOF, but a fast restart (or a child stuck in shutdown) could still find it holding the data
 * directory, so start() first stops a leftover node of the same home.
 */
final class PidFile {

    private static final Logger log = LoggerFactory.getLogger(PidFile.class);
    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    /** Stops the process named in the file if it is still our launcher running on {@code dataDir}. */
    void stopLeftover(Path dataDir) throws IOException {
        Optional<ProcessHandle> leftover = read().flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive)
            .filter(p -> isOurNode(p, dataDir));
        if (leftover.isPresent()) {
            ProcessHandle p = leftover.get();
            log.warn("Stopping leftover Elasticsearch node (pid {}) on {}", p.pid(), dataDir);
            p.destroy(); // SIGTERM: its shutdown hook closes the node
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception timeoutOrInterrupt) {
                p.destroyForcibly();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop leftover Elasticsearch node pid " + p.pid(), e);
                }
            }
        }
        Files.deleteIfExists(file);
    }

    void write(long pid) throws IOException {
        Files.writeString(file, Long.toString(pid));
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}", file, e);
        }
    }

    private Optional<Long> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Pids are reused: only a java started by us for this very data directory counts (see
     * {@link NodeCommand#dataMarker}), or by an earlier version for its home in it.
     */
    private static boolean isOurNode(ProcessHandle p, Path dataDir) {
        String cmd = commandLine(p);
        return cmd.contains("java") && (cmd.contains(NodeCommand.dataMarker(dataDir) + " ")
            || cmd.contains(NodeCommand.homeMarker(dataDir.resolve("home")) + " "));
    }

    /** ProcessHandle.Info cuts long command lines (ours has a long module path); /proc has all of it. */
    private static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Files.readString(proc, StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException | UncheckedIOException e) {
            // gone meanwhile, or not readable: fall back
        }
        return p.info().commandLine().orElse("") + " ";
    }
}
