package dev.stoa.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A real HTTP client for the tests: what a client app sends and sees. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) { this.base = "http://localhost:" + port; }

    public Response get(String path, String token) { return send("GET", path, null, null, token, Map.of()); }

    public Response get(String path) { return get(path, null); }

    public Response post(String path, Object body, String token) { return json("POST", path, body, token, Map.of()); }

    public Response post(String path, Object body, String token, Map<String, String> headers) {
        return json("POST", path, body, token, headers);
    }

    public Response put(String path, Object body, String token) { return json("PUT", path, body, token, Map.of()); }

    public Response delete(String path, String token) { return send("DELETE", path, null, null, token, Map.of()); }

    public Response json(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            return send(method, path, "application/json", bytes, token, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String contentType, byte[] body, String token,
                         Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (token != null) request.header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
            return new Response(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** Status, headers and JSON body of one response. */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, String raw) {
        public String header(String name) { return headers.firstValue(name).orElse(null); }

        public String code() { return body.path("code").asText(null); }

        public String contentType() { return header("Content-Type"); }

        @Override
        public String toString() { return status + " " + raw; }
    }
}
