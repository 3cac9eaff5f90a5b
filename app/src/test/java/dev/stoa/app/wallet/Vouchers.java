package dev.stoa.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: an admin's voucher batches and a customer's redemptions, through the HTTP API. */
record Vouchers(Api api, String adminToken) {
    record Batch(String batchId, List<String> codes) {}

    Batch create(long amountCents, String currency, int count, Instant expiresAt) {
        Api.Response created = api.post("/api/v1/admin/vouchers", Map.of("amountCents", amountCents, "currency", currency,
                "count", count, "expiresAt", expiresAt.toString()), adminToken);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        created.body().get("codes").forEach(c -> codes.add(c.asText()));
        return new Batch(created.body().get("batchId").asText(), codes);
    }

    Api.Response redeem(String code, String token) {
        return api.post("/api/v1/wallet/redeem", Map.of("code", code), token);
    }

    JsonNode wallet(String token) {
        Api.Response wallet = api.get("/api/v1/wallet", token);
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        return wallet.body();
    }

    JsonNode list(String query) {
        Api.Response list = api.get("/api/v1/admin/vouchers" + query, adminToken);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.body();
    }
}
