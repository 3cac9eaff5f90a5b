package dev.stoa.app.platform;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

/**
 * HTTP/1.1 over a plain socket, so the request line carries the path exactly as written (an HTTP client
 * library may normalise or re-encode it, and then the test would not send what an attacker sends).
 */
final class RawHttp {
    private RawHttp() {}

    record Response(int status, String raw) {
        /** The first value of a header, compared case-insensitively, or null. */
        String header(String name) {
            for (String line : raw.split("\r\n")) {
                if (line.isEmpty()) return null;
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    static Response post(int port, String rawPath, String forwardedFor, String json) {
        byte[] body = json.getBytes(UTF_8);
        String head = "POST " + rawPath + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(US_ASCII));
            out.write(body);
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), UTF_8);
            return new Response(Integer.parseInt(raw.substring(9, 12)), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
