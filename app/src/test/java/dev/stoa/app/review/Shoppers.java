package dev.stoa.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Test helper: real purchases through the HTTP API, as a verified buyer makes them. Products are digital (no weight),
 * so no shipping address is needed; buyers are registered accounts (their names show on reviews) who pay from a
 * wallet topped up with a voucher.
 */
record Shoppers(Api api, CommandGateway commands, String admin, String vendor, BiFunction<String, String[], String> tokens) {
    record Buyer(String id, String token) {}

    Buyer buyer(String firstName, String lastName) {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, "buyer-" + id.value().substring(0, 8) + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", firstName, lastName, null, Set.of("customer"), true));
        return new Buyer(id.value(), tokens.apply(id.value(), new String[] {"customer"}));
    }

    /** A digital product of {@code brand} with 100 units in stock. */
    String product(String name, String brand, long priceCents) {
        Map<String, Object> body = new HashMap<>(Catalog.product("SKU-" + UUID.randomUUID().toString().substring(0, 8),
                name, priceCents, null, brand));
        body.put("weightGrams", null); // digital: no shipping address needed
        String id = new Catalog(api).create(vendor, body);
        Api.Response stock = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 100), vendor);
        assertThat(stock.status()).as(stock.toString()).isEqualTo(204);
        return id;
    }

    void fund(Buyer buyer, long cents) {
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", cents, "currency", "USD", "count", 1,
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().get("codes").get(0).asText()),
                buyer.token());
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
    }

    /** Buys one unit of each product in one wallet-paid order, confirmed when this returns; answers the order id. */
    String buy(Buyer buyer, String... productIds) {
        fund(buyer, 100_000);
        for (String productId : productIds) {
            Api.Response added = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", productId,
                    "quantity", 1), buyer.token());
            assertThat(added.status()).as(added.toString()).isBetween(200, 204);
        }
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), buyer.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.body().get("status").asText()).isEqualTo("confirmed");
        return placed.body().get("orderId").asText();
    }

    Api.Response review(String productId, int rating, String comment, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("rating", rating));
        if (comment != null) body.put("comment", comment);
        return api.post("/api/v1/products/" + productId + "/reviews", body, token);
    }

    /** Posts a review that must be accepted; answers its id. */
    String reviewed(String productId, int rating, String comment, Buyer buyer) {
        Api.Response r = review(productId, rating, comment, buyer.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("reviewId").asText();
    }

    static List<String> texts(com.fasterxml.jackson.databind.JsonNode array, String field) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.path(field).isNull() ? null : n.path(field).asText()));
        return values;
    }
}
