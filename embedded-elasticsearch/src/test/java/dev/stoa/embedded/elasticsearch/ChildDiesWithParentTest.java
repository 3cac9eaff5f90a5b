package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the app must not leave an orphaned Elasticsearch behind: the child watches its stdin. */
class ChildDiesWithParentTest {

    @TempDir
    Path dataDir;

    @Test
    void childStopsWhenItsParentIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ParentJvm.class.getName(), dataDir.toString())
            .redirectErrorStream(true)
            .start();
        ProcessHandle child = null;
        try {
            long childPid = CompletableFuture.supplyAsync(() -> readChildPid(parent)).get(150, TimeUnit.SECONDS);
            child = ProcessHandle.of(childPid).orElseThrow();
            assertThat(child.isAlive()).isTrue();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            parent.waitFor(10, TimeUnit.SECONDS);

            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    private static long readChildPid(Process parent) {
        try (var out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[parent] " + line);
                if (line.startsWith(ParentJvm.CHILD_PID)) {
                    return Long.parseLong(line.substring(ParentJvm.CHILD_PID.length()));
                }
            }
            throw new IllegalStateException("the parent JVM ended without starting Elasticsearch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
