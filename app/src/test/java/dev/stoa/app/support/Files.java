package dev.stoa.app.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for the tests. */
public final class Files {
    private Files() {}

    public static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) return;
        try (Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
