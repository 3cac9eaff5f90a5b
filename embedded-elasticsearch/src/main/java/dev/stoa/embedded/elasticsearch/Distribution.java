package dev.stoa.embedded.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the Elasticsearch distribution that this module's jar carries into an ES home directory.
 *
 * <p>The jar may be nested in a Spring Boot fat jar, where directories cannot be listed: the build writes
 * {@value #INDEX} with every resource to extract. Resources under {@value #PREFIX} keep their relative path
 * ({@code lib/}, {@code modules/}, {@code config/}); the child-side launcher classes go into
 * {@value #LAUNCHER_JAR} (a jar, not a directory: the JVM archives classes only from jars, see {@link ClassDataArchive}).
 *
 * <p>The distribution's version is a digest of what it holds: the names in the index (versioned jars) and the bytes
 * of everything else (configuration, launcher classes). A rebuild that changes neither extracts nothing again.
 * A home is either private to one data directory ({@link #ensureExtracted}) or one of the versions in a directory
 * shared by every node of the user ({@link #ensureShared}), which is never changed once complete: nodes of several
 * data directories run on it at once.
 */
final class Distribution {

    static final String PREFIX = "META-INF/stoa-es/";
    static final String INDEX = PREFIX + "index.txt";
    static final String LAUNCHER_JAR = "launcher/stoa-es-launcher.jar";
    /** Bumped when the layout of a home changes, so that older homes are replaced. */
    private static final String LAYOUT = "layout 2: launcher jar";
    private static final String MARKER = ".stoa-es-index.sha256";
    private static final String TMP_PREFIX = "home.tmp-";
    private static final String SHARED_PREFIX = "es-";
    /** Versions kept in a shared directory besides the one in use; older ones go once they are this old. */
    private static final int KEEP_SHARED = 3;
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(Distribution.class);

    private Distribution() {}

    /** Makes {@code home} hold exactly the distribution of this jar; returns it. */
    static Path ensureExtracted(Path home) throws IOException {
        String version = version();
        if (isComplete(home, version)) {
            return home;
        }
        Files.createDirectories(home.getParent());
        try (var leftovers = Files.newDirectoryStream(home.getParent(), TMP_PREFIX + "*")) {
            for (Path leftover : leftovers) { // from an extraction that was killed half-way
                deleteRecursively(leftover);
            }
        }
        Path tmp = extractToTemporary(home.getParent(), TMP_PREFIX, version);
        try {
            deleteRecursively(home);
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(tmp);
        }
        return home;
    }

    /**
     * Makes {@code sharedDir} hold this jar's distribution in a home of its own ({@code es-<version>}) and returns
     * that home. Safe for processes starting at once: each extracts into a temporary directory and renames it into
     * place, the first rename wins. Removes versions left by older builds.
     */
    static Path ensureShared(Path sharedDir) throws IOException {
        String version = version();
        Path home = sharedDir.resolve(SHARED_PREFIX + version.substring(0, 16));
        if (!isComplete(home, version)) {
            Files.createDirectories(sharedDir);
            String tmpPrefix = home.getFileName() + ".tmp-";
            removeAbandoned(sharedDir, tmpPrefix);
            Path tmp = extractToTemporary(sharedDir, tmpPrefix, version);
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!isComplete(home, version)) {
                    throw e;
                }
                // another process was faster: its copy stays
            } finally {
                deleteRecursively(tmp);
            }
        }
        removeOldVersions(sharedDir, home);
        return home;
    }

    private static boolean isComplete(Path home, String version) throws IOException {
        Path marker = home.resolve(MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).trim().equals(version);
    }

    private static Path extractToTemporary(Path parent, String prefix, String version) throws IOException {
        long started = System.nanoTime();
        ClassLoader loader = Distribution.class.getClassLoader();
        Path tmp = Files.createTempDirectory(parent, prefix);
        try {
            int files = 0;
            List<String> launcherClasses = new ArrayList<>();
            for (String resource : resources()) {
                if (!resource.startsWith(PREFIX)) {
                    launcherClasses.add(resource);
                    continue;
                }
                Path target = tmp.resolve(resource.substring(PREFIX.length())).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IllegalStateException("index entry escapes the home directory: " + resource);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = open(loader, resource)) {
                    Files.copy(in, target);
                }
                files++;
            }
            writeLauncherJar(loader, launcherClasses, tmp.resolve(LAUNCHER_JAR));
            provideZstd(tmp);
            Files.writeString(tmp.resolve(MARKER), version);
            log.info("Extracted Elasticsearch ({} files) into {} in {} ms", files + 1, parent,
                (System.nanoTime() - started) / 1_000_000);
            return tmp;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
    }

    /** One jar with fixed timestamps: its bytes depend only on its classes. */
    private static void writeLauncherJar(ClassLoader loader, List<String> classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String resource : classes) {
                JarEntry entry = new JarEntry(resource);
                entry.setTime(0);
                out.putNextEntry(entry);
                try (InputStream in = open(loader, resource)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /**
     * ES looks for libzstd in {@code <home>/lib/platform/<os>-<arch>/} and the Maven artifacts do not carry it:
     * without it, indices with {@code best_compression} fail. Debian's libzstd1 has the same ABI.
     */
    private static void provideZstd(Path home) throws IOException {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (!System.getProperty("os.name", "").startsWith("Linux") || !(x64 || arch.equals("aarch64"))) {
            return;
        }
        Path system = Path.of(x64 ? "/usr/lib/x86_64-linux-gnu/libzstd.so.1" : "/usr/lib/aarch64-linux-gnu/libzstd.so.1");
        Path target = home.resolve(x64 ? "lib/platform/linux-x64/libzstd.so" : "lib/platform/linux-aarch64/libzstd.so");
        if (!Files.exists(system) || Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        // a copy (not a link) keeps home self-contained; it is ~1 MB and made once per extraction
        Files.copy(system, target);
    }

    /**
     * The digest of the distribution: the index's entries (jars carry their version in their name) and the bytes of
     * every other resource (configuration, launcher classes), not the index's build line.
     */
    static String version() throws IOException {
        ClassLoader loader = Distribution.class.getClassLoader();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
            for (String resource : resources()) {
                digest.update((resource + "\n").getBytes(StandardCharsets.UTF_8));
                if (!resource.endsWith(".jar")) {
                    try (InputStream in = open(loader, resource)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> resources() throws IOException {
        byte[] index;
        try (InputStream in = open(Distribution.class.getClassLoader(), INDEX)) {
            index = in.readAllBytes();
        }
        return new String(index, StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is listed in " + INDEX
                + " but missing: is stoa-embedded-elasticsearch packaged correctly?");
        }
        return in;
    }

    private static void removeAbandoned(Path dir, String tmpPrefix) throws IOException {
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(c -> c.getFileName().toString().startsWith(tmpPrefix)).toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(abandoned)) {
                    deleteQuietly(child);
                }
            }
        }
    }

    /**
     * Keeps the {@value #KEEP_SHARED} newest versions besides the current one. An older one goes only once it has
     * not been extracted for an hour: a node of another build may still run on it.
     */
    private static void removeOldVersions(Path sharedDir, Path current) throws IOException {
        Instant old = Instant.now().minus(ABANDONED);
        List<Path> others;
        try (Stream<Path> children = Files.list(sharedDir)) {
            others = children.filter(c -> !c.equals(current) && Files.isRegularFile(c.resolve(MARKER)))
                .filter(c -> c.getFileName().toString().startsWith(SHARED_PREFIX))
                .sorted(Comparator.comparing(Distribution::markerTime).reversed()).toList();
        }
        for (Path version : others.subList(Math.min(KEEP_SHARED, others.size()), others.size())) {
            if (markerTime(version).toInstant().isBefore(old)) {
                log.info("Removing the Elasticsearch distribution of an older build: {}", version);
                deleteQuietly(version);
            }
        }
    }

    private static FileTime markerTime(Path home) {
        try {
            return Files.getLastModifiedTime(home.resolve(MARKER));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            log.debug("cannot delete {}", dir, e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
