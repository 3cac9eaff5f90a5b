package dev.stoa.embedded.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded Elasticsearch node.
 *
 * @param dataDir        root of everything the node owns: {@code home/} (the extracted distribution), {@code data/}
 *                       (the indices; survives restarts) and {@code logs/}
 * @param heapMb         heap of the child JVM ({@code -Xms} = {@code -Xmx})
 * @param port           HTTP port on 127.0.0.1; 0 picks a free one
 * @param startTimeout   how long {@link EmbeddedElasticsearch#start} waits for a yellow or green cluster
 * @param javaExecutable the {@code java} (21+) that runs the node; null means the one running this JVM
 * @param distributionDir null: the distribution is extracted into {@code dataDir/home}. Otherwise a directory shared by
 *                       every node of the user (e.g. under {@code ~/.cache}): each version of the distribution is
 *                       extracted there once, and with it a class-data archive that makes the node start with less
 *                       CPU (see {@link ClassDataArchive})
 */
public record EmbeddedElasticsearchSettings(Path dataDir, int heapMb, int port, Duration startTimeout,
                                            String javaExecutable, Path distributionDir) {

    public static final int DEFAULT_HEAP_MB = 512;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public EmbeddedElasticsearchSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (heapMb < 128) {
            throw new IllegalArgumentException("heapMb must be at least 128, was " + heapMb);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
        javaExecutable = javaExecutable == null || javaExecutable.isBlank() ? null : javaExecutable;
        distributionDir = distributionDir == null ? null : distributionDir.toAbsolutePath().normalize();
    }

    /** Without a shared distribution directory: the distribution goes into {@code dataDir/home}. */
    public EmbeddedElasticsearchSettings(Path dataDir, int heapMb, int port, Duration startTimeout, String javaExecutable) {
        this(dataDir, heapMb, port, startTimeout, javaExecutable, null);
    }

    /** 512 MB heap, a free port, 120 s to start, this JVM's {@code java}. */
    public static EmbeddedElasticsearchSettings defaults(Path dataDir) {
        return new EmbeddedElasticsearchSettings(dataDir, DEFAULT_HEAP_MB, 0, DEFAULT_START_TIMEOUT, null);
    }

    public EmbeddedElasticsearchSettings withHeapMb(int heapMb) {
        return new EmbeddedElasticsearchSettings(dataDir, heapMb, port, startTimeout, javaExecutable, distributionDir);
    }

    public EmbeddedElasticsearchSettings withPort(int port) {
        return new EmbeddedElasticsearchSettings(dataDir, heapMb, port, startTimeout, javaExecutable, distributionDir);
    }

    public EmbeddedElasticsearchSettings withStartTimeout(Duration startTimeout) {
        return new EmbeddedElasticsearchSettings(dataDir, heapMb, port, startTimeout, javaExecutable, distributionDir);
    }

    public EmbeddedElasticsearchSettings withJavaExecutable(String javaExecutable) {
        return new EmbeddedElasticsearchSettings(dataDir, heapMb, port, startTimeout, javaExecutable, distributionDir);
    }

    public EmbeddedElasticsearchSettings withDistributionDir(Path distributionDir) {
        return new EmbeddedElasticsearchSettings(dataDir, heapMb, port, startTimeout, javaExecutable, distributionDir);
    }
}
