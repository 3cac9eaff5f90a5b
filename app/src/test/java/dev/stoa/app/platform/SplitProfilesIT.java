package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedRuntime;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Files;
import dev.stoa.app.support.QueryProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same jar as two processes: profile "command" (no projections, no Elasticsearch) and profile "query"
 * (no command handlers) on one PostgreSQL event store. A read that names the position of the client's
 * write sees it; the command process does not serve reads and the query process does not take commands.
 * Then a second query process on the same database and index takes over some segments: each query process
 * owns only some, and a read on either that names a write's position still sees the write.
 */
class SplitProfilesIT {
    private static final Path COMMAND_DATA = Path.of("target/split-command-data");
    private static final Path QUERY_DATA = Path.of("target/split-query-data");
    private static final Path SECOND_QUERY_DATA = Path.of("target/split-query2-data");

    @AfterAll
    static void stopServers() {
        EmbeddedRuntime.forDataDir(QUERY_DATA).stop();
        EmbeddedRuntime.forDataDir(COMMAND_DATA).stop();
    }

    @Test
    void commandAndQueryProcessesShareTheEventStore() throws InterruptedException {
        Files.deleteRecursively(COMMAND_DATA);
        Files.deleteRecursively(QUERY_DATA);
        Files.deleteRecursively(SECOND_QUERY_DATA);
        Path key = COMMAND_DATA.resolve("keys/jwt-signing-key.pem").toAbsolutePath();
        Path keyset = COMMAND_DATA.resolve("keys/sealing-keyset.json").toAbsolutePath();
        try (ConfigurableApplicationContext command = new SpringApplicationBuilder(StoaApplication.class)
                .profiles("test", "command").run("--stoa.data-dir=" + COMMAND_DATA, "--server.port=0")) {
            String dbUrl = command.getEnvironment().getProperty("spring.datasource.url");
            try (ConfigurableApplicationContext query = QueryProcess.start(QUERY_DATA, dbUrl, key, keyset)) {
                Api writes = new Api(port(command));
                Api reads = new Api(port(query));
                String vendor = command.getBean(TokenMinter.class)
                        .accessToken(UUID.randomUUID().toString(), List.of("vendor"), Duration.ofMinutes(10));

                Api.Response created = writes.post("/api/v1/products", Catalog.product("SPLIT-1", "Split Kettle", 3_300, null, "Duo"), vendor);
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String position = created.header("X-Stoa-Position");
                assertThat(position).matches("\\d+");

                String id = created.body().get("productId").asText();
                Api.Response read = reads.send("GET", "/api/v1/products/" + id, null, null, null,
                        Map.of("X-Stoa-Min-Position", position));
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.header("X-Stoa-Consistency")).isEqualTo("consistent");
                assertThat(read.body().get("priceCents").asLong()).isEqualTo(3_300);
                Api.Response search = reads.send("GET", "/api/v1/search?q=kettle", null, null, null,
                        Map.of("X-Stoa-Min-Position", position));
                assertThat(search.body().get("total").asInt()).isEqualTo(1);

                // a token signed by the command process is valid in the query process (shared key file)
                assertThat(reads.get("/api/v1/products", vendor).status()).isEqualTo(200);
                // each process serves only its side
                assertThat(writes.get("/api/v1/products/" + id).status()).isEqualTo(405);
                assertThat(reads.post("/api/v1/products", Catalog.product("SPLIT-2", "Nope", 1, null, "Duo"), vendor).status())
                        .isEqualTo(405);
                assertThat(reads.send("GET", "/api/v1/products/" + id, null, null, null,
                        Map.of("X-Stoa-Min-Position", "soon")).status()).isEqualTo(400);

                String esUri = query.getEnvironment().getProperty("spring.elasticsearch.uris");
                try (ConfigurableApplicationContext second = QueryProcess.start(SECOND_QUERY_DATA, dbUrl, key, keyset,
                        "--spring.elasticsearch.uris=" + esUri, "--stoa.test.token-store-node=second-query-process")) {
                    eachQueryProcessReadsTheWritesOfSegmentsItDoesNotOwn(writes, vendor, query, second);
                }
            }
        }
    }

    /**
     * Segment 1 of the product read model moves to the second process (the search index, one segment, stays with
     * the first); reads on both processes name each write's position.
     */
    private static void eachQueryProcessReadsTheWritesOfSegmentsItDoesNotOwn(Api writes, String vendor,
            ConfigurableApplicationContext first, ConfigurableApplicationContext second) throws InterruptedException {
        String products = "product-read-model";
        QueryProcess.processor(first, products).releaseSegment(1, 10, TimeUnit.MINUTES);
        StreamingEventProcessor taker = QueryProcess.processor(second, products);
        for (int i = 0; i < 600 && !taker.processingStatus().containsKey(1); i++) Thread.sleep(100);
        assertThat(taker.processingStatus().keySet()).as("segments in the second process").containsExactly(1);
        assertThat(QueryProcess.processor(first, products).processingStatus().keySet()).as("in the first").containsExactly(0);
        assertThat(QueryProcess.processor(second, "product-search").processingStatus()).as("search index").isEmpty();
        for (int i = 0; i < 6; i++) { // product ids are random: six land in both segments but for 1 in 32
            String name = "Shared Teapot " + i;
            Api.Response created = writes.post("/api/v1/products", Catalog.product("SHARED-" + i, name, 1_000 + i, null, "Duo"), vendor);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Map<String, String> atPosition = Map.of("X-Stoa-Min-Position", created.header("X-Stoa-Position"));
            String id = created.body().get("productId").asText();
            for (ConfigurableApplicationContext process : List.of(first, second)) {
                Api reads = new Api(port(process));
                Api.Response read = reads.send("GET", "/api/v1/products/" + id, null, null, null, atPosition);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.header("X-Stoa-Consistency")).isEqualTo("consistent");
                assertThat(read.body().get("priceCents").asLong()).isEqualTo(1_000 + i);
                Api.Response search = reads.send("GET", "/api/v1/search?q=teapot&limit=100", null, null, null, atPosition);
                assertThat(search.header("X-Stoa-Consistency")).isEqualTo("consistent");
                assertThat(search.body().get("total").asInt()).isEqualTo(i + 1);
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
