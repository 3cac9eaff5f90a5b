package dev.stoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.ProblemRecorder;
import dev.stoa.app.support.ProblemRecorder.Answered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against behaviour: every problem an operation answered during the whole test run (recorded by
 * {@link ProblemRecorder}: every refusal any test provoked, plus a few provoked here) is listed in that operation's
 * document, under its status. Runs last, so it sees the run's refusals.
 */
@Order(Integer.MAX_VALUE)
class DocumentedProblemsIT extends ApiTest {

    @Test
    void everyProblemAnOperationAnsweredIsInItsDocument() {
        provokeSome();
        JsonNode paths = api.get("/v3/api-docs").body().path("paths");
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (Answered answered : ProblemRecorder.answered()) {
            JsonNode operation = operation(paths, answered.method(), answered.path());
            if (operation == null) continue; // not a documented operation (actuator, the dev mailbox, an unknown path)
            checked++;
            JsonNode codes = operation.path("responses").path(Integer.toString(answered.status())).path("x-problem-codes");
            boolean listed = false;
            for (JsonNode code : codes) listed |= code.asText().equals(answered.code());
            if (!listed) undocumented.add(answered.toString());
        }
        assertThat(checked).as("refusals of documented operations recorded over the run").isGreaterThanOrEqualTo(7);
        assertThat(undocumented).as("problems answered but not in the operation's document").isEmpty();
    }

    /** The documented operation whose path template matches the request's path, or null. */
    static JsonNode operation(JsonNode paths, String method, String path) {
        JsonNode exact = paths.path(path).path(method.toLowerCase(Locale.ROOT));
        if (!exact.isMissingNode()) return exact; // /users/me before /users/{userId}
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            String template = entry.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            if (path.matches(template)) {
                JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
                if (!operation.isMissingNode()) return operation;
            }
        }
        return null;
    }

    /** A few refusals of different layers, so this test means something when run alone. */
    private void provokeSome() {
        String vendor = tokenFor("vendor");
        Map<String, Object> product = dev.stoa.app.support.Catalog.product(unique("DOC"), "Doc", 100, null, "B");
        api.post("/api/v1/products", product, vendor);
        assertThat(api.post("/api/v1/products", product, vendor).code()).isEqualTo("duplicate_sku");
        assertThat(api.post("/api/v1/products", product, tokenFor("customer")).code()).isEqualTo("forbidden");
        assertThat(api.post("/api/v1/products", product, null).code()).isEqualTo("unauthorized");
        // an open operation with a token that is no longer valid (it was not in their documents)
        assertThat(api.get("/api/v1/products", "expired-or-garbage").code()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/search?q=lamp", "expired-or-garbage").code()).isEqualTo("unauthorized");
        assertThat(api.post("/api/v1/products", "{", vendor).code()).isEqualTo("malformed_request");
        assertThat(api.get("/api/v1/products/" + java.util.UUID.randomUUID()).code()).isEqualTo("not_found");
        Api.Response csv = api.send("GET", "/api/v1/products", null, null, null, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(406);
        assertThat(csv.code()).isEqualTo("not_acceptable");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", unique("x") + "@example.org", "password", "x"), null);
        assertThat(login.code()).isEqualTo("invalid_credentials");
    }
}
