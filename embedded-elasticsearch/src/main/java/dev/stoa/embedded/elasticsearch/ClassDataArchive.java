package dev.stoa.embedded.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data sharing archive of the node's classes (JDK CDS, {@code -XX:SharedArchiveFile}): the child JVM maps the
 * classes it loaded last time, parsed and verified, instead of loading them from the jars again. Cuts the node's
 * start-up CPU by about 40 % (6 s to 3.6 s here), which on a small machine is CPU the application's own start needs.
 *
 * <p>Only for a shared home ({@link Distribution#ensureShared}): the archive names the jars by path, so it is valid
 * for every node of that home, and one archive per home and JDK serves them all. The first node that finds none
 * writes it when it stops ({@code -XX:ArchiveClassesAtExit}, some seconds, once) into a temporary file; {@link #close}
 * renames it into place once the node has exited cleanly. One node at a time claims that job with a lock file. The
 * JVM checks an archive before using it and runs without it when it does not match (another JDK build), so a stale
 * archive costs nothing but its benefit.
 */
final class ClassDataArchive {

    private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);
    /** A claim this old belongs to a parent that died before its node stopped. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final Path archive;
    private final Path claim;
    private final Path dumping;

    private ClassDataArchive(Path archive, Path claim, Path dumping) {
        this.archive = archive;
        this.claim = claim;
        this.dumping = dumping;
    }

    /**
     * The JVM options of a node on {@code home} run by {@code java}; none (and null) when that is not the JVM running
     * this code: its version decides which options it knows.
     */
    static ClassDataArchive forNode(Path home, String java) {
        if (!java.equals(currentJava())) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(home.resolve("cds"));
            Path archive = dir.resolve("node-" + jdkKey() + ".jsa");
            if (Files.isRegularFile(archive)) {
                return new ClassDataArchive(archive, null, null);
            }
            if (Files.exists(failedMarker(archive))) {
                return null; // this JDK could not write one: not again at every stop
            }
            Path claim = dir.resolve(archive.getFileName() + ".claim");
            if (!claim(claim)) {
                return new ClassDataArchive(archive, null, null); // another node writes it: none this time
            }
            return new ClassDataArchive(archive, claim, dir.resolve(archive.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        } catch (IOException | RuntimeException e) {
            log.debug("no class-data archive for {}", home, e);
            return null;
        }
    }

    /** Whether this node writes the archive when it stops (which takes some seconds). */
    boolean writesAtExit() {
        return dumping != null;
    }

    List<String> jvmOptions() {
        // the JDK's own archive was made without the node's module options: it reports that as an "error" and goes on
        List<String> quiet = Runtime.version().feature() >= 24 // the aot tag is new in 24; older JVMs refuse it
            ? List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:aot=off")
            : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        if (dumping != null) {
            return concat(quiet, "-XX:ArchiveClassesAtExit=" + dumping);
        }
        return Files.isRegularFile(archive) ? concat(quiet, "-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** After the node exited: publishes what it wrote if it exited cleanly, and drops the claim. */
    void close(boolean exitedCleanly) {
        if (dumping == null) {
            return;
        }
        try {
            if (exitedCleanly && Files.isRegularFile(dumping) && Files.size(dumping) > 0) {
                Files.move(dumping, archive, StandardCopyOption.ATOMIC_MOVE);
                log.info("Wrote the class-data archive of the embedded Elasticsearch: {}", archive);
            } else if (exitedCleanly) {
                Files.writeString(failedMarker(archive), "the JVM wrote no archive at exit; see the node's child.log");
            }
        } catch (IOException e) {
            log.debug("cannot publish {}", dumping, e);
        } finally {
            try {
                Files.deleteIfExists(dumping);
                Files.deleteIfExists(claim);
            } catch (IOException e) {
                log.debug("cannot clean up {}", dumping, e);
            }
        }
    }

    private static Path failedMarker(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    private static boolean claim(Path claim) throws IOException {
        try {
            Files.writeString(claim, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException taken) {
            if (Files.getLastModifiedTime(claim).toInstant().isAfter(Instant.now().minus(STALE_CLAIM))) {
                return false;
            }
            Files.deleteIfExists(claim); // its parent died; the next start claims it
            return false;
        }
    }

    /** The JDK build: its modules image (path, size, time) changes with every JDK update. */
    private static String jdkKey() throws IOException {
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        String id = Runtime.version() + "|" + modules.toRealPath() + "|" + Files.size(modules) + "|"
            + Files.getLastModifiedTime(modules).toMillis();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(id.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String currentJava() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static List<String> concat(List<String> list, String option) {
        var all = new java.util.ArrayList<>(list);
        all.add(option);
        return List.copyOf(all);
    }
}
