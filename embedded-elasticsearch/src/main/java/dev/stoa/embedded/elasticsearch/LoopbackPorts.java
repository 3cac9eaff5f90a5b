package dev.stoa.embedded.elasticsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Free TCP ports on the loopback interface for servers that bind them later (so that their addresses are known before
 * they run: the embedded PostgreSQL and Elasticsearch).
 *
 * <p>A port is chosen below the kernel's ephemeral range, never by binding port 0: the kernel hands a port from that
 * range to whoever binds port 0 or connects out, and can hand the same port out again as soon as the probe that found
 * it closes. Once, the embedded SMTP server (bound to port 0) got the port just chosen for PostgreSQL, which then could
 * not start. Below the range, only another server choosing the same port at random could take it.
 */
public final class LoopbackPorts {
    /** The lowest port chosen: above the well-known and most registered ports. */
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LINUX_DEFAULT_EPHEMERAL_LOW = 32_768;

    private LoopbackPorts() {}

    /** A port that nothing is bound to now, below the kernel's ephemeral range. */
    public static int free() {
        return free(ephemeralLow(), ThreadLocalRandom.current());
    }

    static int free(int ephemeralLow, RandomGenerator random) {
        if (ephemeralLow <= LOWEST + 100) return anyFree(); // an unusual range: leave the choice to the kernel
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST, ephemeralLow);
            if (bindable(port)) return port;
        }
        throw new UncheckedIOException(new IOException(
                "no free loopback port between " + LOWEST + " and " + ephemeralLow + " in 200 tries"));
    }

    /** The lowest port of the kernel's ephemeral range (Linux's default when it cannot be read). */
    static int ephemeralLow() {
        // read as a stream: /proc reports a size of 0, and Files.readString trusts it (it read "3" of "32768 60999")
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
