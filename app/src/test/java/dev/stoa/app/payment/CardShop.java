package dev.stoa.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Mailbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** A shop to pay by card in: a vendor's products with stock, registered buyers with an address, card checkouts. */
final class CardShop {
    /** A buyer: id, token, e-mail. */
    record Buyer(String id, String token, String email) {}

    /** A card order as the checkout answered it. */
    record CardOrder(String orderId, String paymentId, String clientSecret, long totalCents, JsonNode body) {}

    private final Api api;
    private final CommandGateway commands;
    private final TokenMinter tokens;
    final String admin;
    private final String vendor;

    CardShop(Api api, CommandGateway commands, TokenMinter tokens) {
        this.api = api;
        this.commands = commands;
        this.tokens = tokens;
        this.admin = token(UUID.randomUUID().toString(), "admin");
        this.vendor = token(UUID.randomUUID().toString(), "vendor");
    }

    String token(String userId, String... roles) { return tokens.accessToken(userId, List.of(roles), Duration.ofMinutes(30)); }

    Buyer buyer() {
        UserId id = UserId.random();
        String email = "card-" + id.value().substring(0, 8) + "@example.org";
        commands.sendAndWait(new RegisterUser(id, email, "$2a$10$abcdefghijklmnopqrstuv", "Card", "Holder", null,
                Set.of("customer"), true));
        String token = token(id.value(), "customer");
        Api.Response address = api.post("/api/v1/users/" + id.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Market St", "city", "San Francisco", "state", "CA", "postalCode", "94105",
                "countryCode", "US", "isDefault", true), token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        return new Buyer(id.value(), token, email);
    }

    /** A physical product at {@code priceCents} with {@code stock} units on hand. */
    String product(long priceCents, int stock) {
        String sku = "CARD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new HashMap<>(Catalog.product(sku, "Lamp " + sku, priceCents, null, "Stoa"));
        body.put("weightGrams", 500);
        String id = new Catalog(api).create(vendor, body);
        Api.Response r = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", stock), vendor);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return id;
    }

    /** The buyer's cart with {@code quantity} of the product, checked out by card. */
    CardOrder checkout(Buyer buyer, String productId, int quantity) {
        Api.Response added = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", productId, "quantity", quantity),
                buyer.token());
        assertThat(added.status()).as(added.toString()).isBetween(200, 204);
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode body = placed.body();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.at("/payment/status").asText()).isEqualTo("pending");
        assertThat(placed.header("Cache-Control")).isEqualTo("no-store");
        return new CardOrder(body.get("orderId").asText(), body.at("/payment/paymentId").asText(),
                body.at("/payment/clientSecret").asText(), body.get("totalCents").asLong(), body);
    }

    JsonNode inventory(String productId) { return api.get("/api/v1/products/" + productId + "/inventory").body(); }

    static List<Integer> levels(JsonNode inventory) {
        return List.of(inventory.get("onHand").asInt(), inventory.get("reserved").asInt(), inventory.get("available").asInt());
    }

    /** Waits until the product's stock reads onHand, reserved, available. */
    void awaitLevels(String productId, int onHand, int reserved, int available) {
        Await.until(() -> levels(inventory(productId)).equals(List.of(onHand, reserved, available)), Duration.ofSeconds(20),
                "stock of " + productId + " is " + List.of(onHand, reserved, available) + " (" + inventory(productId) + ")");
    }

    JsonNode awaitOrder(String orderId, String token, String status) {
        JsonNode[] last = new JsonNode[1];
        Await.until(() -> {
            Api.Response r = api.get("/api/v1/orders/" + orderId, token);
            last[0] = r.body();
            return r.status() == 200 && status.equals(r.body().path("status").asText());
        }, Duration.ofSeconds(30), "order " + orderId + " is " + status);
        return last[0];
    }

    /** Waits until GET /api/v1/payments/{id} (the payment's own events) shows {@code status}. */
    JsonNode awaitPayment(String paymentId, String token, String status) {
        Await.until(() -> status.equals(api.get("/api/v1/payments/" + paymentId, token).body().path("status").asText()),
                Duration.ofSeconds(30), "payment " + paymentId + " is " + status);
        return api.get("/api/v1/payments/" + paymentId, token).body();
    }

    /** Waits until the read model lists the payment with {@code status}; answers it. */
    JsonNode awaitListed(String paymentId, String orderId, String status) {
        JsonNode[] found = new JsonNode[1];
        Await.until(() -> {
            JsonNode items = api.get("/api/v1/payments?orderId=" + orderId, admin).body().path("items");
            found[0] = items.size() == 1 ? items.get(0) : null;
            return found[0] != null && paymentId.equals(found[0].get("paymentId").asText()) && status.equals(found[0].get("status").asText());
        }, Duration.ofSeconds(30), "payment " + paymentId + " listed as " + status);
        return found[0];
    }

    long mails(Mailbox mailbox, String email, String subjectPart) {
        return mailbox.all(email).stream().filter(m -> m.get("subject").asText().contains(subjectPart)).count();
    }
}
