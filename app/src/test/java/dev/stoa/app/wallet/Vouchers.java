package dev.stoa.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: an admin's voucher batches and a customer's redemptions, through the HTTP API. A customer's wallet
 * is read at the position of that customer's last redemption ({@code X-Stoa-Min-Position}), as a client does that
 * must see its own write even when the write answered {@code pending}.
 */
record Vouchers(Api api, String adminToken, Map<String, String> lastWrite) {
    record Batch(String batchId, List<String> codes) {}

    Vouchers(Api api, String adminToken) { this(api, adminToken, new ConcurrentHashMap<>()); }

    Batch create(long amountCents, String currency, int count, Instant expiresAt) {
        Api.Response created = api.post("/api/v1/admin/vouchers", Map.of("amountCents", amountCents, "currency", currency,
                "count", count, "expiresAt", expiresAt.toString()), adminToken);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        created.body().get("codes").forEach(c -> codes.add(c.asText()));
        return new Batch(created.body().get("batchId").asText(), codes);
    }

    Api.Response redeem(String code, String token) {
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", code), token);
        String position = redeemed.header("X-Stoa-Position");
        if (redeemed.status() == 200 && position != null) lastWrite.merge(token, position, (a, b) -> Long.parseLong(a) >= Long.parseLong(b) ? a : b);
        return redeemed;
    }

    JsonNode wallet(String token) {
        String position = lastWrite.get(token);
        Api.Response wallet = api.send("GET", "/api/v1/wallet", null, null, token,
                position == null ? Map.of() : Map.of("X-Stoa-Min-Position", position));
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        return wallet.body();
    }

    JsonNode list(String query) {
        Api.Response list = api.get("/api/v1/admin/vouchers" + query, adminToken);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.body();
    }
}
