package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dataDir;

    @Test
    void stopsALeftoverNodeOfTheSameHome() throws Exception {
        Path home = dataDir.resolve("home");
        Process leftover = fakeNode(home);
        try {
            PidFile pidFile = new PidFile(dataDir.resolve("es.pid"));
            pidFile.write(leftover.pid());

            pidFile.stopLeftover(home);

            assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(dataDir.resolve("es.pid")).doesNotExist();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void leavesOtherProcessesAlone() throws Exception {
        Process otherNode = fakeNode(dataDir.resolve("elsewhere/home"));
        try {
            PidFile pidFile = new PidFile(dataDir.resolve("es.pid"));
            pidFile.write(otherNode.pid());

            pidFile.stopLeftover(dataDir.resolve("home"));

            assertThat(otherNode.isAlive()).isTrue();
            assertThat(dataDir.resolve("es.pid")).doesNotExist();
        } finally {
            otherNode.destroyForcibly();
        }
    }

    @Test
    void ignoresAStaleOrGarbledFile() throws Exception {
        Files.writeString(dataDir.resolve("es.pid"), "not a pid");
        new PidFile(dataDir.resolve("es.pid")).stopLeftover(dataDir.resolve("home"));
        assertThat(dataDir.resolve("es.pid")).doesNotExist();
    }

    private static Process fakeNode(Path home) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, NodeCommand.homeMarker(home),
            "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        // right after start() the pid may still run the JDK's jspawnhelper, with another command line
        for (int i = 0; i < 100 && !process.info().commandLine().orElse("").contains(NodeCommand.homeMarker(home)); i++) {
            Thread.sleep(50);
        }
        return process;
    }
}
