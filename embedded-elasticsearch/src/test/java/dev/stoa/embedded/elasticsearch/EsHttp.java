package dev.stoa.embedded.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Just enough of an Elasticsearch client for the tests: JSON over java.net.http. */
final class EsHttp {

    record Response(int status, JsonNode json) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUri;

    EsHttp(String baseUri) {
        this.baseUri = baseUri;
    }

    Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Response bulk(String ndjson) {
        return send("POST", "/_bulk?refresh=true", ndjson, "application/x-ndjson");
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
