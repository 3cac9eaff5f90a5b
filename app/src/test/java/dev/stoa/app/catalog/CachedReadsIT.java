package dev.stoa.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catalog reads are served from a cache (ReadCache) and carry ETags: neither may ever hide a write from the client
 * that made it. Writers change prices and stock while readers keep the same answers hot in the cache; each writer
 * reads its own product, its brand's list and the search index at once after each write, and must see it.
 */
class CachedReadsIT extends ApiTest {
    @Autowired MeterRegistry meters;

    @Test
    void everyWriteIsSeenByTheNextReadWhileReadersKeepTheCacheHot() throws Exception {
        String vendor = tokenFor("vendor");
        String brand = unique("Hot").replace("-", "");
        int writers = 6, rounds = 12;
        List<String> ids = new ArrayList<>();
        Catalog catalog = new Catalog(api);
        for (int w = 0; w < writers; w++) {
            ids.add(catalog.create(vendor, Catalog.product(brand + "-SKU-" + w, brand + " Kettle " + w, 1_000, null, brand)));
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> { // keep every answer the writers will read cached
                    while (!done.get()) {
                        for (String id : ids) new Api(port).get("/api/v1/products/" + id);
                        new Api(port).get("/api/v1/products?brand=" + brand + "&sort=-price&limit=100");
                        new Api(port).get("/api/v1/search?q=" + brand + "&limit=100");
                    }
                    return null;
                }));
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = ids.get(w);
                int writer = w;
                results.add(pool.submit((Callable<Integer>) () -> {
                    Api client = new Api(port);
                    for (int round = 1; round <= rounds; round++) {
                        long price = 1_000 + writer * 100L + round;
                        Map<String, Object> body = Catalog.product(brand + "-SKU-" + writer, brand + " Kettle " + writer, price, null, brand);
                        Api.Response put = client.put("/api/v1/products/" + id, body, vendor);
                        assertThat(put.status()).as(put.toString()).isIn(200, 204);
                        Map<String, String> atWrite = readAt(put);
                        JsonNode product = client.send("GET", "/api/v1/products/" + id, null, null, null, atWrite).body();
                        assertThat(product.get("priceCents").asLong()).as("detail after write %d", round).isEqualTo(price);
                        JsonNode list = client.send("GET", "/api/v1/products?brand=" + brand + "&sort=-price&limit=100",
                                null, null, null, atWrite).body();
                        assertThat(priceIn(list, id)).as("list after write %d", round).isEqualTo(price);
                        JsonNode found = client.send("GET", "/api/v1/search?q=" + brand + "&limit=100", null, null, null, atWrite).body();
                        assertThat(priceIn(found, id)).as("search after write %d", round).isEqualTo(price);

                        Api.Response restock = client.post("/api/v1/products/" + id + "/inventory/restock", Map.of("quantity", 2), vendor);
                        assertThat(restock.status()).as(restock.toString()).isIn(200, 204);
                        JsonNode stocked = client.send("GET", "/api/v1/products/" + id, null, null, null, readAt(restock)).body();
                        assertThat(stocked.get("stock").get("available").asLong()).as("stock after restock %d", round).isEqualTo(2L * round);
                    }
                    return rounds;
                }));
            }
            for (Future<Integer> result : results) assertThat(result.get()).isEqualTo(rounds);
            done.set(true);
            for (Future<?> reader : readers) reader.get();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void anEtagAnswers304UntilAWriteChangesTheProduct() {
        String vendor = tokenFor("vendor");
        String sku = unique("ETAG");
        String id = new Catalog(api).create(vendor, Catalog.product(sku, "Etag Lamp", 4_200, null, "Etag"));
        Api.Response first = api.get("/api/v1/products/" + id);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        Api.Response unchanged = api.send("GET", "/api/v1/products/" + id, null, null, null, Map.of("If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        Api.Response put = api.put("/api/v1/products/" + id, Catalog.product(sku, "Etag Lamp", 4_300, null, "Etag"), vendor);
        assertThat(put.status()).as(put.toString()).isIn(200, 204);
        Api.Response changed = api.send("GET", "/api/v1/products/" + id, null, null, null, Map.of("If-None-Match", etag));
        assertThat(changed.status()).as("a write changed the product: the old ETag no longer matches").isEqualTo(200);
        assertThat(changed.body().get("priceCents").asLong()).isEqualTo(4_300);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(api.send("GET", "/api/v1/products/" + id, null, null, null, Map.of("If-None-Match", changed.header("ETag")))
                .status()).isEqualTo(304);

        // "*" matches any current answer (RFC 9110), a list matches by any of its tags; a product that is not there: 404
        Api.Response any = api.send("GET", "/api/v1/products/" + id, null, null, null, Map.of("If-None-Match", "*"));
        assertThat(any.status()).isEqualTo(304);
        assertThat(any.header("ETag")).isEqualTo(changed.header("ETag"));
        assertThat(api.send("GET", "/api/v1/products/" + id, null, null, null,
                Map.of("If-None-Match", etag + ", " + changed.header("ETag"))).status()).isEqualTo(304);
        assertThat(api.send("GET", "/api/v1/products/" + java.util.UUID.randomUUID(), null, null, null,
                Map.of("If-None-Match", "*")).status()).isEqualTo(404);

        // a HEAD has the GET's ETag and length, no body, and its If-None-Match (it had no ETag before 2026-12-06,
        // seventh session); also for a read kept only as an ETag (a product's reviews)
        for (String path : List.of("/api/v1/products/" + id, "/api/v1/products?brand=Etag", "/api/v1/products/" + id + "/reviews",
                "/api/v1/categories")) {
            Api.Response get = api.get(path);
            Api.Response head = api.send("HEAD", path, null, null, null, Map.of());
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.raw()).as(path).isEmpty();
            assertThat(head.header("ETag")).as(path).isNotBlank().isEqualTo(get.header("ETag"));
            assertThat(head.header("Content-Length")).as(path).isEqualTo(String.valueOf(get.raw().getBytes(StandardCharsets.UTF_8).length));
            assertThat(api.send("HEAD", path, null, null, null, Map.of("If-None-Match", get.header("ETag"))).status())
                    .as(path).isEqualTo(304);
            // "*" on every one of them, kept in the cache or only as an ETag (it was 200 on the latter before 2026-12-06,
            // seventh session)
            Api.Response anyTag = api.send("GET", path, null, null, null, Map.of("If-None-Match", "*"));
            assertThat(anyTag.status()).as(path).isEqualTo(304);
            assertThat(anyTag.header("ETag")).as(path).isEqualTo(get.header("ETag"));
        }

        // private answers keep no-store and get no ETag
        Api.Response wallet = api.get("/api/v1/wallet", tokenFor("customer"));
        assertThat(wallet.header("ETag")).isNull();
        assertThat(wallet.header("Cache-Control")).contains("no-store");
    }

    /**
     * A catalog answer kept as it went out is the answer the handler gives: same status, body, ETag and headers (but
     * the per-request ones), for each accepted type; the same read again is answered from it; what is not a 200 is
     * never kept; a write's change shows at once.
     */
    @Test
    void aKeptAnswerIsTheAnswerTheHandlerGives() {
        String vendor = tokenFor("vendor");
        String sku = unique("KEPT");
        String brand = sku.replace("-", "");
        String id = new Catalog(api).create(vendor, Catalog.product(sku, "Kept Lamp", 3_100, null, brand));
        for (String path : List.of("/api/v1/products/" + id, "/api/v1/products?brand=" + brand + "&sort=-price",
                "/api/v1/search?q=" + brand, "/api/v1/suggest?prefix=Kept")) {
            Api.Response first = api.get(path);
            Api.Response again = api.get(path);
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(again.status()).as(path).isEqualTo(200);
            assertThat(again.raw()).as(path).isEqualTo(first.raw());
            assertThat(lasting(again.headers())).as(path).isEqualTo(lasting(first.headers()));
            assertThat(again.header("ETag")).as(path).isNotBlank();
            assertThat(again.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(again.header("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(again.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            Api.Response notModified = api.send("GET", path, null, null, null, Map.of("If-None-Match", again.header("ETag")));
            assertThat(notModified.status()).as(path).isEqualTo(304);
            assertThat(notModified.raw()).as(path).isEmpty();
            Api.Response anyType = api.send("GET", path, null, null, null, Map.of("Accept", "*/*"));
            assertThat(anyType.raw()).as(path).isEqualTo(first.raw());
            // the Accept's parameters are not echoed: one representation (it answered application/json;version=2 under
            // the plain answer's ETag before 2026-12-07; walkthrough Z43), kept or handled
            for (int i = 0; i < 2; i++) {
                Api.Response versioned = api.send("GET", path, null, null, null,
                        Map.of("Accept", "application/json; version=2; q=0.9, text/html; q=0.1"));
                assertThat(versioned.status()).as(path).isEqualTo(200);
                assertThat(versioned.header("Content-Type")).as(path).isEqualTo(again.header("Content-Type"))
                        .doesNotContain("version");
                assertThat(versioned.raw()).as(path).isEqualTo(first.raw());
            }
            assertThat(api.get(path).raw()).as(path).isEqualTo(first.raw());
        }
        // and the same read again is answered from what was kept (unless a commit came in between: then once more)
        readUntilKept("catalog", "/api/v1/products/" + id);

        // what is not a 200 is answered by the handler each time, never kept
        String missing = "/api/v1/products/" + java.util.UUID.randomUUID();
        double handled = catalogAnswers("handler");
        assertThat(api.get(missing).status()).isEqualTo(404);
        assertThat(api.get(missing).code()).isEqualTo("not_found");
        assertThat(catalogAnswers("handler")).isEqualTo(handled + 2);

        Api.Response put = api.put("/api/v1/products/" + id, Catalog.product(sku, "Kept Lamp", 3_200, null, brand), vendor);
        assertThat(put.status()).as(put.toString()).isIn(200, 204);
        Map<String, String> atWrite = readAt(put);
        assertThat(api.send("GET", "/api/v1/products/" + id, null, null, null, atWrite).body().get("priceCents").asLong())
                .isEqualTo(3_200);
        assertThat(priceIn(api.send("GET", "/api/v1/products?brand=" + brand + "&sort=-price", null, null, null, atWrite).body(), id))
                .isEqualTo(3_200);
    }

    /**
     * A product's own read stays answered from kept bytes while other products change (stock moves with every order),
     * and shows its own product's change at once; a list is answered anew after any product's change.
     */
    @Test
    void aProductsKeptAnswerOutlivesWritesToOtherProductsButNotToItself() {
        String vendor = tokenFor("vendor");
        String brand = unique("Own").replace("-", "");
        Catalog catalog = new Catalog(api);
        String a = catalog.create(vendor, Catalog.product(brand + "-A", "Own Lamp A", 2_100, null, brand));
        String b = catalog.create(vendor, Catalog.product(brand + "-B", "Own Lamp B", 2_200, null, brand));
        String pathA = "/api/v1/products/" + a;
        String list = "/api/v1/products?brand=" + brand + "&sort=-price";
        String answerA = api.get(pathA).raw();
        api.get(list);
        readUntilKept("catalog", pathA);

        Api.Response restockB = restock(b, 3, vendor);
        Map<String, String> atWrite = readAt(restockB);
        double keptBefore = keptAnswers();
        double handledBefore = catalogAnswers("handler");
        Api.Response againA = api.send("GET", pathA, null, null, null, atWrite);
        assertThat(againA.raw()).isEqualTo(answerA);
        assertThat(keptAnswers()).as("A's kept answer outlived B's stock change").isEqualTo(keptBefore + 1);
        assertThat(api.send("GET", "/api/v1/products/" + b, null, null, null, atWrite).body()
                .get("stock").get("available").asLong()).isEqualTo(3);
        assertThat(stockIn(api.send("GET", list, null, null, null, atWrite).body(), b)).isEqualTo(3);
        assertThat(catalogAnswers("handler")).as("B's read and the list: by the handler").isEqualTo(handledBefore + 2);

        Api.Response restockA = restock(a, 5, vendor);
        assertThat(api.send("GET", pathA, null, null, null, readAt(restockA)).body().get("stock").get("available").asLong())
                .as("A's own change shows at once").isEqualTo(5);
    }

    /**
     * A page of the list stays answered from kept bytes while the stock of products it does not show changes (every
     * order reserves some), but shows at once a change of stock of a product on it, and a new product that belongs on
     * it (a product's own change may move any product into any page).
     */
    @Test
    void aKeptPageOutlivesStockChangesOfProductsItDoesNotShowButNotANewProductThatBelongsOnIt() {
        String vendor = tokenFor("vendor");
        String shown = unique("Shown").replace("-", "");
        String other = unique("Other").replace("-", "");
        Catalog catalog = new Catalog(api);
        String a = catalog.create(vendor, Catalog.product(shown + "-A", "Shown Lamp A", 2_100, null, shown));
        String b = catalog.create(vendor, Catalog.product(other + "-B", "Other Lamp B", 2_200, null, other));
        String page = "/api/v1/products?brand=" + shown + "&sort=-price";
        String otherPage = "/api/v1/products?brand=" + other + "&sort=-price";
        String answer = api.get(page).raw();
        api.get(otherPage);
        readUntilKept("catalog", page);

        Api.Response restockB = restock(b, 3, vendor);
        double keptBefore = keptAnswers();
        double handledBefore = catalogAnswers("handler");
        assertThat(api.send("GET", page, null, null, null, readAt(restockB)).raw()).isEqualTo(answer);
        assertThat(keptAnswers()).as("the page outlived the stock change of B, not on it").isEqualTo(keptBefore + 1);
        assertThat(stockIn(api.send("GET", otherPage, null, null, null, readAt(restockB)).body(), b))
                .as("B's page shows its new stock at once").isEqualTo(3);
        assertThat(catalogAnswers("handler")).as("B's page: by the handler").isEqualTo(handledBefore + 1);

        Api.Response restockA = restock(a, 4, vendor);
        assertThat(stockIn(api.send("GET", page, null, null, null, readAt(restockA)).body(), a))
                .as("A's stock change shows on its page at once").isEqualTo(4);

        readUntilKept("catalog", page);
        Api.Response created = api.post("/api/v1/products",
                Catalog.product(shown + "-C", "Shown Lamp C", 2_300, null, shown), vendor);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode after = api.send("GET", page, null, null, null, readAt(created)).body();
        assertThat(after.get("total").asLong()).as("the new product is on the page at once").isEqualTo(2);
        assertThat(after.get("items").get(0).get("id").asText()).isEqualTo(created.body().get("productId").asText());
    }

    /**
     * Search hits stay answered from kept bytes while products they do not hold change stock (a sold-out product's
     * document changes), but show at once a stock change of a hit and a new product that matches.
     */
    @Test
    void keptSearchHitsOutliveStockChangesOfOtherProductsButNotOfTheirOwnOrANewMatch() {
        String vendor = tokenFor("vendor");
        String found = unique("Found").replace("-", "");
        String other = unique("Other").replace("-", "");
        Catalog catalog = new Catalog(api);
        String a = catalog.create(vendor, Catalog.product(found + "-A", found + " Lamp", 2_100, null, found));
        String b = catalog.create(vendor, Catalog.product(other + "-B", other + " Lamp", 2_200, null, other));
        String search = "/api/v1/search?q=" + found;
        JsonNode first = api.get(search).body();
        assertThat(first.get("total").asLong()).isEqualTo(1);
        assertThat(itemIn(first, a).get("inStock").asBoolean()).isFalse();
        String answer = api.get(search).raw();
        readUntilKept("search", search);

        Api.Response restockB = restock(b, 3, vendor);
        assertThat(itemIn(api.send("GET", "/api/v1/search?q=" + other, null, null, null, readAt(restockB)).body(), b)
                .get("inStock").asBoolean()).as("B's document says in stock").isTrue();
        double keptBefore = answers("search", "kept");
        assertThat(api.send("GET", search, null, null, null, readAt(restockB)).raw()).isEqualTo(answer);
        assertThat(answers("search", "kept")).as("the search outlived B's change").isEqualTo(keptBefore + 1);

        Api.Response restockA = restock(a, 4, vendor);
        assertThat(itemIn(api.send("GET", search, null, null, null, readAt(restockA)).body(), a).get("inStock").asBoolean())
                .as("A's stock shows in its hit at once").isTrue();

        readUntilKept("search", search);
        Api.Response created = api.post("/api/v1/products", Catalog.product(found + "-C", found + " Desk", 2_300, null, found),
                vendor);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode after = api.send("GET", search, null, null, null, readAt(created)).body();
        assertThat(after.get("total").asLong()).as("the new product is found at once").isEqualTo(2);
        itemIn(after, created.body().get("productId").asText());
    }

    /** Reads {@code path} until it is answered from kept bytes of the region (once no commit comes between reads). */
    private void readUntilKept(String region, String path) {
        double kept = answers(region, "kept");
        for (int i = 0; i < 20 && answers(region, "kept") == kept; i++) api.get(path);
        assertThat(answers(region, "kept")).as(path + " answered from kept bytes").isGreaterThan(kept);
    }

    /** Restocks the product by the vendor's hand: the write a client reads after. */
    private Api.Response restock(String productId, int quantity, String vendor) {
        Api.Response restocked = api.post("/api/v1/products/" + productId + "/inventory/restock",
                Map.of("quantity", quantity), vendor);
        assertThat(restocked.status()).as(restocked.toString()).isIn(200, 204);
        return restocked;
    }

    private double keptAnswers() { return catalogAnswers("kept"); }

    /** Catalog answers so far from {@code source} (kept bytes or the handler): the metric stoa.catalog.answers. */
    private double catalogAnswers(String source) { return answers("catalog", source); }

    /** Answers so far of a read cache region from {@code source}: the metric stoa.catalog.answers. */
    private double answers(String region, String source) {
        return meters.get("stoa.catalog.answers").tag("region", region).tag("source", source).counter().count();
    }

    /** The headers of an answer but those that differ per request (date, correlation id, consistency). */
    private static Map<String, List<String>> lasting(java.net.http.HttpHeaders headers) {
        Map<String, List<String>> kept = new java.util.TreeMap<>();
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (!lower.equals("date") && !lower.startsWith("x-correlation") && !lower.startsWith("x-request")
                    && !lower.startsWith("x-stoa-consistency")) kept.put(lower, values);
        });
        return kept;
    }

    /** The read a client makes right after a write: at the write's position if it answered pending. */
    private static Map<String, String> readAt(Api.Response write) {
        return "consistent".equals(write.header("X-Stoa-Consistency")) ? Map.of()
                : Map.of("X-Stoa-Min-Position", write.header("X-Stoa-Position"));
    }

    private static long priceIn(JsonNode page, String id) { return itemIn(page, id).get("priceCents").asLong(); }

    private static long stockIn(JsonNode page, String id) {
        return itemIn(page, id).get("stock").get("available").asLong();
    }

    /** The product {@code id} in a page of products or search results. */
    private static JsonNode itemIn(JsonNode page, String id) {
        for (JsonNode item : page.get("items")) {
            if (id.equals(item.path("id").asText(item.path("productId").asText()))) return item;
        }
        throw new AssertionError(id + " not in " + page);
    }
}
