package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;

/** A retried POST with the same Idempotency-Key does nothing twice and answers the same. */
class IdempotencyIT extends ApiTest {

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstResponse() {
        String vendorId = UUID.randomUUID().toString();
        String vendor = tokenAs(vendorId, "vendor");
        Map<String, Object> body = Catalog.product(unique("IDEM"), "Once", 1200, null, "B");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response first = api.post("/api/v1/products", body, vendor, key);
        Api.Response retry = api.post("/api/v1/products", body, vendor, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/v1/products?vendorId=" + vendorId).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String vendor = tokenFor("vendor");
        String key = UUID.randomUUID().toString();
        assertThat(api.post("/api/v1/products", Catalog.product(unique("K1"), "One", 100, null, "B"), vendor,
                Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
        Api.Response other = api.post("/api/v1/products", Catalog.product(unique("K2"), "Two", 100, null, "B"), vendor,
                Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Catalog.product(unique("OWN"), "Own", 100, null, "B");
        assertThat(api.post("/api/v1/products", body, tokenFor("vendor"), Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
        Api.Response stranger = api.post("/api/v1/products", body, tokenFor("vendor"), Map.of("Idempotency-Key", key));
        assertThat(stranger.header("Idempotent-Replayed")).isNull();
        assertThat(stranger.code()).isEqualTo("duplicate_sku"); // ran for real, and the SKU is taken
    }

    @Test
    void refusedRequestIsReplayedAsRefused() {
        String vendor = tokenFor("vendor");
        Map<String, Object> body = Catalog.product(unique("BAD"), "Bad", 100, UUID.randomUUID().toString(), "B");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response first = api.post("/api/v1/products", body, vendor, key);
        Api.Response retry = api.post("/api/v1/products", body, vendor, key);
        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.code()).isEqualTo("unknown_category");
    }

    @Test
    void concurrentRetriesCreateOneProduct() throws Exception {
        String vendorId = UUID.randomUUID().toString();
        String vendor = tokenAs(vendorId, "vendor");
        Map<String, Object> body = Catalog.product(unique("CONC"), "Concurrent", 100, null, "B");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) futures.add(pool.submit(() -> { go.await(); return api.post("/api/v1/products", body, vendor, key); }));
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            Api.Response r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            ids.add(r.body().get("productId").asText());
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(api.get("/api/v1/products?vendorId=" + vendorId).body().get("total").asInt()).isEqualTo(1);
    }
}
