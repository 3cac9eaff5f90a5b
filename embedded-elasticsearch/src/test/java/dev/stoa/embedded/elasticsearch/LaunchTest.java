package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch() hands back the node while it starts: its URI at once, a close() that ends it at any moment. */
class LaunchTest {

    @TempDir
    Path dataDir;

    @Test
    void aLaunchedNodeClosedBeforeItIsReadyStopsAndSaysSo() throws Exception {
        var node = EmbeddedElasticsearch.launch(EmbeddedElasticsearchSettings.defaults(dataDir).withHeapMb(256));
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(dataDir.resolve("es.pid")).trim())).orElseThrow();
        assertThat(node.httpUri()).startsWith("http://127.0.0.1:");
        assertThat(node.isRunning()).isTrue();

        node.close();

        assertThatThrownBy(node::awaitReady).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("was stopped while starting");
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(dataDir.resolve("es.pid")).doesNotExist();
    }
}
