package dev.stoa.app.embedded;

import java.nio.file.Path;

/**
 * An embedded server (PostgreSQL, Elasticsearch) that could not start. Thrown where the application first needs
 * it, which stops the start-up; {@link EmbeddedServerFailureAnalyzer} reports it.
 */
public class EmbeddedServerFailed extends IllegalStateException {
    private final String server;
    private final Path dir;

    EmbeddedServerFailed(String server, Path dir, String message, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.dir = dir;
    }

    /** "PostgreSQL" or "Elasticsearch". */
    public String server() { return server; }

    /** Where that server keeps its data and logs. */
    public Path dir() { return dir; }
}
