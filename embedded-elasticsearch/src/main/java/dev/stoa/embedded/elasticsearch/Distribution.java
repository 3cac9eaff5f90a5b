package dev.stoa.embedded.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the Elasticsearch distribution that this module's jar carries into an ES home directory.
 *
 * <p>The jar may be nested in a Spring Boot fat jar, where directories cannot be listed: the build writes
 * {@value #INDEX} with every resource to extract. Resources under {@value #PREFIX} keep their relative path
 * ({@code lib/}, {@code modules/}, {@code config/}); the child-side launcher classes go to {@code launcher/}.
 * The index names the build, so its hash is the version marker: an unchanged jar is not extracted twice.
 */
final class Distribution {

    static final String PREFIX = "META-INF/stoa-es/";
    static final String INDEX = PREFIX + "index.txt";
    static final String LAUNCHER_DIR = "launcher";
    private static final String MARKER = ".stoa-es-index.sha256";
    private static final String TMP_PREFIX = "home.tmp-";
    private static final Logger log = LoggerFactory.getLogger(Distribution.class);

    private Distribution() {}

    /** Makes {@code home} hold exactly the distribution of this jar; returns it. */
    static Path ensureExtracted(Path home) throws IOException {
        ClassLoader loader = Distribution.class.getClassLoader();
        byte[] index = read(loader, INDEX);
        String hash = sha256(index);
        Path marker = home.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(hash)) {
            provideZstd(home);
            return home;
        }
        long started = System.nanoTime();
        try (var leftovers = Files.newDirectoryStream(home.getParent(), TMP_PREFIX + "*")) {
            for (Path leftover : leftovers) { // from an extraction that was killed half-way
                deleteRecursively(leftover);
            }
        }
        Path tmp = Files.createTempDirectory(home.getParent(), TMP_PREFIX);
        try {
            int files = 0;
            for (String line : new String(index, StandardCharsets.UTF_8).split("\\R")) {
                String resource = line.strip();
                if (resource.isEmpty() || resource.startsWith("#")) {
                    continue;
                }
                Path target = tmp.resolve(resource.startsWith(PREFIX)
                    ? resource.substring(PREFIX.length())
                    : LAUNCHER_DIR + "/" + resource).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IllegalStateException("index entry escapes the home directory: " + resource);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = open(loader, resource)) {
                    Files.copy(in, target);
                }
                files++;
            }
            Files.writeString(tmp.resolve(MARKER), hash);
            deleteRecursively(home);
            Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            log.info("Extracted Elasticsearch ({} files) into {} in {} ms", files, home,
                (System.nanoTime() - started) / 1_000_000);
        } finally {
            deleteRecursively(tmp);
        }
        provideZstd(home);
        return home;
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

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is listed in " + INDEX
                + " but missing: is stoa-embedded-elasticsearch packaged correctly?");
        }
        return in;
    }

    private static byte[] read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = open(loader, resource)) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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
