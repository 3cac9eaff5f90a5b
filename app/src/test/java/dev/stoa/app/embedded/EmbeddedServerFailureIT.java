package dev.stoa.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.app.StoaApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The context is built while the embedded servers start; one that cannot start still stops the start-up, with
 * Spring Boot's failure report naming the server, the cause and what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedServerFailureIT {
    private static final Path DATA = Path.of("target/server-failure-data");

    @AfterAll
    static void stopServers() { EmbeddedRuntime.forDataDir(DATA).stop(); }

    @Test
    void elasticsearchThatCannotStartStopsTheStartUpWithAClearReport(CapturedOutput output) throws Exception {
        dev.stoa.app.support.Files.deleteRecursively(DATA);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(StoaApplication.class).profiles("test")
                    .run("--stoa.data-dir=" + DATA, "--server.port=0",
                            "--stoa.embedded.elasticsearch.port=" + taken.getLocalPort()))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(EmbeddedServerFailed.class::isInstance));
        }
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Could not start the embedded Elasticsearch under " + DATA.toAbsolutePath())
                .contains("spring.elasticsearch.uris")
                .doesNotContain("Stoa is up");
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) all.add(t);
        return all;
    }
}
