package dev.stoa.embedded.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real node: the features the search projection relies on, a clean stop, and data across restarts. */
class EmbeddedElasticsearchTest {

    private static final String MAPPING = """
        {"mappings": {"properties": {
          "title":    {"type": "text"},
          "category": {"type": "keyword"},
          "suggest":  {"type": "completion"}}}}""";

    @TempDir
    Path dataDir;

    @Test
    void searchesSuggestsAggregatesStopsCleanlyAndKeepsDataAcrossRestarts() throws Exception {
        var settings = EmbeddedElasticsearchSettings.defaults(dataDir);
        long pid;
        try (var es = EmbeddedElasticsearch.start(settings)) {
            assertThat(es.isRunning()).isTrue();
            assertThat(es.httpUri()).startsWith("http://127.0.0.1:");
            assertThat(es.home()).isEqualTo(dataDir.resolve("home"));
            pid = Long.parseLong(Files.readString(dataDir.resolve("es.pid")).trim());
            var http = new EsHttp(es.httpUri());

            assertThat(http.put("/products", MAPPING).status()).isEqualTo(200);
            var bulk = http.bulk(doc("p1", 3, "Elasticsearch in Action", "books")
                + doc("p2", 1, "Learning Spring Boot", "books")
                + doc("p3", 2, "Mechanical Keyboard", "hardware"));
            assertThat(bulk.json().get("errors").asBoolean()).as(bulk.json().toString()).isFalse();

            // external versioning: an older version of a document is refused, so replays are idempotent
            var stale = http.put("/products/_doc/p1?version=2&version_type=external", "{\"title\":\"old\"}");
            assertThat(stale.status()).isEqualTo(409);

            var fuzzy = http.post("/products/_search", """
                {"query": {"match": {"title": {"query": "elastcsearch", "fuzziness": "AUTO"}}}}""");
            assertThat(ids(fuzzy.json().at("/hits/hits"), "_id")).containsExactly("p1");

            var suggest = http.post("/products/_search", """
                {"suggest": {"s": {"prefix": "mech", "completion": {"field": "suggest"}}}}""");
            assertThat(ids(suggest.json().at("/suggest/s/0/options"), "text")).containsExactly("Mechanical Keyboard");

            var aggs = http.post("/products/_search", """
                {"size": 0, "aggs": {"byCategory": {"terms": {"field": "category"}}}}""");
            JsonNode buckets = aggs.json().at("/aggregations/byCategory/buckets");
            assertThat(buckets.get(0).get("key").asText()).isEqualTo("books");
            assertThat(buckets.get(0).get("doc_count").asInt()).isEqualTo(2);
            assertThat(buckets.get(1).get("key").asText()).isEqualTo("hardware");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("child pid %d alive", pid).isFalse();
        assertThat(dataDir.resolve("es.pid")).doesNotExist();

        try (var es = EmbeddedElasticsearch.start(settings)) {
            var http = new EsHttp(es.httpUri());
            assertThat(http.get("/products/_count").json().get("count").asInt()).isEqualTo(3);
            assertThat(http.get("/products/_doc/p1").json().get("_version").asInt()).isEqualTo(3);
        }
    }

    private static String doc(String id, int version, String title, String category) {
        return """
            {"index": {"_index": "products", "_id": "%s", "version": %d, "version_type": "external"}}
            {"title": "%s", "category": "%s", "suggest": {"input": ["%s"]}}
            """.formatted(id, version, title, category, title);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
