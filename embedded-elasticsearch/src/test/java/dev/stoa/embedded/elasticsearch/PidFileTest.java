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
    void stopsALeftoverNodeOfTheSameDataDirectory() throws Exception {
        assertStopped(fakeNode(NodeCommand.dataMarker(dataDir)));
    }

    @Test
    void stopsALeftoverNodeStartedByAnEarlierVersion() throws Exception {
        assertStopped(fakeNode(NodeCommand.homeMarker(dataDir.resolve("home"))));
    }

    private void assertStopped(Process leftover) throws Exception {
        try {
            PidFile pidFile = new PidFile(dataDir.resolve("es.pid"));
            pidFile.write(leftover.pid());

            pidFile.stopLeftover(dataDir);

            assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(dataDir.resolve("es.pid")).doesNotExist();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void leavesOtherProcessesAlone() throws Exception {
        // a node of another data directory, which may share this one's home
        Process otherNode = fakeNode(NodeCommand.dataMarker(dataDir.resolve("elsewhere")));
        try {
            PidFile pidFile = new PidFile(dataDir.resolve("es.pid"));
            pidFile.write(otherNode.pid());

            pidFile.stopLeftover(dataDir);

            assertThat(otherNode.isAlive()).isTrue();
            assertThat(dataDir.resolve("es.pid")).doesNotExist();
        } finally {
            otherNode.destroyForcibly();
        }
    }

    @Test
    void ignoresAStaleOrGarbledFile() throws Exception {
        Files.writeString(dataDir.resolve("es.pid"), "not a pid");
        new PidFile(dataDir.resolve("es.pid")).stopLeftover(dataDir);
        assertThat(dataDir.resolve("es.pid")).doesNotExist();
    }

    private static Process fakeNode(String marker) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, marker,
            "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        // right after start() the pid may still run the JDK's jspawnhelper, with another command line
        for (int i = 0; i < 100 && !process.info().commandLine().orElse("").contains(marker); i++) {
            Thread.sleep(50);
        }
        return process;
    }
}
