package dev.stoa.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, byte for byte as written: java.net.http normalises or refuses the odd
 * paths, methods and headers that the error tests need to send. Each request closes its connection.
 */
public final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int port;

    public RawHttp(int port) { this.port = port; }

    /** Sends {@code method target HTTP/1.1} with Host, Connection: close and the given header lines. */
    public Response send(String method, String target, String... headerLines) {
        return sendWithBody(method, target, "", headerLines);
    }

    /** As {@link #send}, with a body (and its Content-Length) when it is not empty. */
    public Response sendWithBody(String method, String target, String body, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (Arrays.stream(headerLines).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5)))
            head.append("Host: localhost\r\n");
        for (String line : headerLines) head.append(line).append("\r\n");
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        if (content.length > 0) head.append("Content-Length: ").append(content.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return exchange(request);
    }

    public Response get(String target, String... headerLines) { return send("GET", target, headerLines); }

    /** Writes the bytes as they are and reads the response until the server closes the connection. */
    public Response exchange(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("no HTTP response to " + firstLine(request), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) bytes.write(buffer, 0, n);
        } catch (java.net.SocketException reset) {
            if (bytes.size() == 0) throw reset; // a reset after the response was written still leaves it readable
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new IllegalStateException("not an HTTP response: [" + text + "]");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            // a header sent more than once is one list, as HTTP combines them (Vary, for one)
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (first, next) -> first + ", " + next);
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunk(body);
        body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return new Response(status, headers, json(body), body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) return body.toString();
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static JsonNode json(String body) {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String firstLine(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\r');
        return eol < 0 ? text : text.substring(0, eol);
    }

    /** Status, headers (lower-case names) and body (JSON when it parses) of one response. */
    public record Response(int status, Map<String, String> headers, JsonNode body, String raw) {
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

        public String contentType() { return header("Content-Type"); }

        public String code() { return body.path("code").asText(null); }

        @Override
        public String toString() { return status + " " + headers + " " + raw; }
    }
}
