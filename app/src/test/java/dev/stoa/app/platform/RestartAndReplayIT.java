package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedRuntime;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.health.ProcessorStatus;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform on its own data directory: stopped (servers included) and started again it keeps every
 * product, index entry and its signing key; and a read model dropped and replayed from the event log
 * comes back equal, row for row.
 */
class RestartAndReplayIT {
    private static final Path DATA = Path.of("target/restart-data");

    @AfterAll
    static void stopServers() { EmbeddedRuntime.forDataDir(DATA).stop(); }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StoaApplication.class).profiles("test")
                .run("--stoa.data-dir=" + DATA, "--server.port=0");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void restartKeepsAllDataAndReplayRebuildsEqualReadModels() throws Exception {
        dev.stoa.app.support.Files.deleteRecursively(DATA);
        ConfigurableApplicationContext first = start();
        Api api = api(first);
        String vendor = first.getBean(TokenMinter.class).accessToken(UUID.randomUUID().toString(), List.of("vendor"), Duration.ofHours(1));
        String admin = first.getBean(TokenMinter.class).accessToken(UUID.randomUUID().toString(), List.of("admin"), Duration.ofHours(1));
        Catalog catalog = new Catalog(api);
        String category = catalog.category(admin, "Kitchen", "kitchen", null);
        String kettle = catalog.create(vendor, Catalog.product("KET-1", "Copper Kettle", 4_500, category, "Hearth"));
        catalog.create(vendor, Catalog.product("PAN-1", "Cast Iron Pan", 6_250, category, "Hearth"));
        assertThat(api.put("/api/v1/products/" + kettle + "/inventory", Map.of("onHand", 7, "reorderThreshold", 2), vendor).status()).isEqualTo(204);
        JsonNode before = api.get("/api/v1/products/" + kettle).body();
        JsonNode searchBefore = api.get("/api/v1/search?q=kettle").body();
        assertThat(searchBefore.get("total").asInt()).isEqualTo(1);
        first.close();
        EmbeddedRuntime.forDataDir(DATA).stop();

        ConfigurableApplicationContext second = start();
        try {
            Api again = api(second);
            assertThat(again.get("/api/v1/products/" + kettle).body()).isEqualTo(before);
            assertThat(withoutScores(again.get("/api/v1/search?q=kettle").body())).isEqualTo(withoutScores(searchBefore));
            assertThat(again.get("/api/v1/categories").body().get(0).get("id").asText()).isEqualTo(category);
            // the signing key survived: a token from before the restart still works
            assertThat(again.post("/api/v1/products/" + kettle + "/inventory/restock", Map.of("quantity", 3), vendor).status()).isEqualTo(204);
            assertThat(again.get("/api/v1/products/" + kettle + "/inventory").body().get("onHand").asInt()).isEqualTo(10);

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            // the bootstrap admin was opened once, not once per start
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = "
                    + "'dev.stoa.api.identity.UserRegistered'", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select owner_id from unique_key where kind = 'user-email' and value = "
                    + "'admin@stoa.local'", String.class)).isNotBlank();
            // the event store: gap-free global index (no blocks of 50), payloads in bytea, no large objects
            List<Long> positions = jdbc.queryForList("select global_index from domain_event_entry order by global_index", Long.class);
            assertThat(positions.get(positions.size() - 1) - positions.get(0) + 1).isEqualTo(positions.size());
            assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_name = "
                    + "'domain_event_entry' and column_name = 'payload'", String.class)).isEqualTo("bytea");
            List<Map<String, Object>> products = jdbc.queryForList("select * from product_view order by id");
            List<Map<String, Object>> categories = jdbc.queryForList("select * from category_view order by id");
            JsonNode search = again.get("/api/v1/search?q=hearth&sort=price").body();
            jdbc.update("delete from product_view");
            jdbc.update("delete from category_view");

            replay(second, "product-read-model", "category-read-model", "product-search");

            assertThat(jdbc.queryForList("select * from product_view order by id")).isEqualTo(products);
            assertThat(jdbc.queryForList("select * from category_view order by id")).isEqualTo(categories);
            assertThat(again.get("/api/v1/search?q=hearth&sort=price").body()).isEqualTo(search);
            assertThat(second.getBean(ProcessorStatus.class).all().get("product-read-model").lag()).isZero();
        } finally {
            second.close();
        }
    }

    /** Relevance scores depend on index statistics (deleted versions, segments), not on our data. */
    private static JsonNode withoutScores(JsonNode result) {
        JsonNode copy = result.deepCopy();
        copy.get("items").forEach(item -> ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("score"));
        return copy;
    }

    private static void replay(ConfigurableApplicationContext context, String... processors) throws InterruptedException {
        EventProcessingConfiguration config = context.getBean(EventProcessingConfiguration.class);
        for (String name : processors) {
            StreamingEventProcessor p = config.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            p.shutDown();
            p.resetTokens();
            p.start();
        }
        ProjectionGate gate = context.getBean(ProjectionGate.class);
        long head = context.getBean(ProcessorStatus.class).head();
        assertThat(gate.await(head, Duration.ofSeconds(60))).isTrue();
    }
}
