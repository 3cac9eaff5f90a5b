package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An outage in the log: one line when it starts, one when it ends, and the retry noise in between left out. */
@ExtendWith(OutputCaptureExtension.class)
class AxonServerConnectionLogTest {
    private static final Logger processor = LoggerFactory.getLogger("org.axonframework.eventhandling.pooled.Coordinator");
    private final AxonServerConnectionManager connections = mock(AxonServerConnectionManager.class);
    private AxonServerConnectionLog connectionLog;

    @AfterEach
    void stop() { connectionLog.destroy(); }

    @Test
    void anOutageIsOneLineWhenItStartsAndOneWhenItEnds(CapturedOutput output) {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setServers("axonserver.test:8124");
        when(connections.getDefaultContext()).thenReturn("default");
        connectionLog = new AxonServerConnectionLog(connections, configuration);
        connectionLog.start();

        when(connections.isConnected("default")).thenReturn(false);
        for (int retry = 0; retry < 20; retry++) {
            processor.warn("Processor [user-read-model]. Exception occurred while coordinating the work packages.",
                    new IllegalStateException("The Event Stream has been closed", Status.UNAVAILABLE.asRuntimeException()));
            processor.warn("Processor [{}] failed", "identity-mail", Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        }
        processor.warn("Processor [product-search] failed", new IllegalStateException("Elasticsearch is down"));
        connectionLog.check();
        when(connections.isConnected("default")).thenReturn(true);
        connectionLog.check();
        connectionLog.check();
        processor.warn("Append refused", Status.FAILED_PRECONDITION.asRuntimeException()); // connected: a real error shows

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).filteredOn(l -> l.contains("unreachable")).singleElement().asString()
                .contains("axonserver.test:8124", "answer 503");
        assertThat(lines).filteredOn(l -> l.contains("connected again")).singleElement().asString()
                .contains("40 log lines about the outage left out");
        assertThat(lines).filteredOn(l -> l.contains("Event Stream") || l.contains("identity-mail")).isEmpty();
        assertThat(lines).as("other failures are not Axon Server's to hide").anyMatch(l -> l.contains("Elasticsearch is down"));
        assertThat(lines).anyMatch(l -> l.contains("Append refused")).anyMatch(l -> l.contains("FAILED_PRECONDITION"));
    }
}
