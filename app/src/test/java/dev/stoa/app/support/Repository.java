package dev.stoa.app.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in. */
public final class Repository {
    private Repository() {}

    /** The repository's root: the first directory up from here with docker-compose.yml in it. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) return dir;
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
