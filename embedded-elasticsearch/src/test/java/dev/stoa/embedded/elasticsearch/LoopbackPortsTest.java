package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ports for the embedded servers come from below the kernel's ephemeral range, so that no socket bound to port 0 (the
 * embedded SMTP server) or connecting out can be handed the same port before its server binds it; and they are free.
 */
class LoopbackPortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeAndAreFree() throws IOException {
        int low = LoopbackPorts.ephemeralLow();
        for (int i = 0; i < 200; i++) {
            int port = LoopbackPorts.free();
            assertThat(port).isBetween(LoopbackPorts.LOWEST, low - 1);
        }
        int port = LoopbackPorts.free();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortInUseIsNotChosen() throws IOException {
        try (ServerSocket taken = new ServerSocket(LoopbackPorts.free(), 1, InetAddress.getLoopbackAddress())) {
            // a random sequence whose first pick is the taken port: the next pick that is free comes instead
            Random fixed = new Random() {
                private boolean first = true;
                @Override
                public int nextInt(int origin, int bound) {
                    if (first) { first = false; return taken.getLocalPort(); }
                    return super.nextInt(origin, bound);
                }
            };
            int chosen = LoopbackPorts.free(LoopbackPorts.ephemeralLow(), fixed);
            assertThat(chosen).isNotEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void anUnusualRangeLeavesTheChoiceToTheKernel() {
        assertThat(LoopbackPorts.free(1_024, new Random())).isPositive();
    }
}
