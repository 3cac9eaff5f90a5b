package dev.stoa.app.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries, extracted once per machine and user into a cache that every data directory shares
 * ({@code stoa.embedded.cache-dir}), instead of once per data directory (7 s, 58 MB each).
 *
 * <p>The directory is the one zonky would use itself, {@code PG-<md5 of the archive>} with its {@code .exists}
 * marker, so zonky finds the binaries ready and extracts nothing. Unlike zonky, the archive is extracted into a
 * temporary sibling and renamed into place at once: a start killed half-way leaves no half-filled directory behind,
 * and processes starting together (tests) at worst extract twice, one rename wins and the other copy is dropped.
 */
final class PostgresBinaries {
    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String MARKER = ".exists"; // zonky's name: it skips extraction when it finds this
    private static final String TMP_INFIX = ".tmp-";
    /** A temporary directory this old is from an extraction that died; a live one takes seconds. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path workingDirectory;
    private final byte[] archive;

    private PostgresBinaries(Path workingDirectory, byte[] archive) {
        this.workingDirectory = workingDirectory;
        this.archive = archive;
    }

    /** Makes sure {@code cacheDir} holds the binaries of this jar's archive, extracting them if needed. */
    static PostgresBinaries prepare(Path cacheDir) throws IOException {
        byte[] archive = archive();
        Path dir = cacheDir.resolve("PG-" + md5(archive));
        if (!Files.isRegularFile(dir.resolve(MARKER))) {
            Files.createDirectories(cacheDir);
            removeAbandoned(cacheDir, dir.getFileName().toString());
            extract(archive, dir);
        }
        return new PostgresBinaries(cacheDir, archive);
    }

    /** The directory to give zonky as its working directory: it finds {@code PG-<md5>} there. */
    Path workingDirectory() { return workingDirectory; }

    /** Hands zonky the archive already read, so that it hashes the same bytes and finds them extracted. */
    PgBinaryResolver resolver() { return (system, machine) -> new ByteArrayInputStream(archive); }

    private static void extract(byte[] archive, Path target) throws IOException {
        long t0 = System.nanoTime();
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + TMP_INFIX);
        try {
            int files = untar(archive, tmp);
            Path marker = Files.createFile(tmp.resolve(MARKER));
            // zonky trusts the marker only if it is not older than the directory and every file in it
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now().plusSeconds(1)));
            publish(tmp, target);
            log.info("Extracted the PostgreSQL binaries ({} files) into {} in {} ms", files, target,
                    (System.nanoTime() - t0) / 1_000_000);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Renames the extracted directory into place. Another process may have been faster (then its copy stays), or a
     * directory without a marker may be in the way (left by something else than this class, which only ever renames
     * complete copies into place): it is moved aside and deleted.
     */
    private static void publish(Path tmp, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (IOException e) { // FileAlreadyExists, DirectoryNotEmpty, or a plain "Directory not empty"
                if (Files.isRegularFile(target.resolve(MARKER))) return; // another process was faster
                if (attempt > 0 || !Files.isDirectory(target)) throw e;
                Path aside = target.resolveSibling(target.getFileName() + TMP_INFIX + "incomplete-" + System.nanoTime());
                try {
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    log.warn("Replacing the incomplete PostgreSQL binaries in {}", target);
                } catch (IOException movedMeanwhile) {
                    // another process moved it or published a copy: the next attempt tells
                }
                deleteRecursively(aside);
            }
        }
    }

    private static int untar(byte[] archive, Path into) throws IOException {
        int files = 0;
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) throw new IOException("archive entry outside its directory: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) { // a hard link names its target from the archive's root
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    setMode(path, entry.getMode());
                    files++;
                } else {
                    throw new IOException("unexpected archive entry " + entry.getName());
                }
            }
        }
        return files;
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            if ((mode & 0100) != 0) file.toFile().setExecutable(true);
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if ((mode & 0100) != 0) permissions.add(PosixFilePermission.OWNER_EXECUTE);
        if ((mode & 0010) != 0) permissions.add(PosixFilePermission.GROUP_EXECUTE);
        if ((mode & 0001) != 0) permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(file, permissions);
    }

    private static void removeAbandoned(Path cacheDir, String name) throws IOException {
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (Stream<Path> children = Files.list(cacheDir)) {
            for (Path child : children.filter(c -> c.getFileName().toString().startsWith(name + TMP_INFIX)).toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(abandoned)) deleteRecursively(child);
            }
        }
    }

    /** The archive zonky would pick for this system (Linux, macOS; x86_64, arm64), read from its jar. */
    private static byte[] archive() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch", "");
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, "amd64".equals(arch) ? "x86_64" : arch)) {
            return in.readAllBytes();
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
