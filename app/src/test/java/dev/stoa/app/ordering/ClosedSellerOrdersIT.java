package dev.stoa.app.ordering;

import static dev.stoa.app.ordering.Orders.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A seller who closes their account has their orders turned back ({@code closed-seller-orders}): a paid order of theirs
 * alone, nothing of it shipped, is cancelled (reason seller_closed) and its whole payment goes back to the wallet, its
 * units back on sale; a paid order with another seller's lines goes on, and the closed seller's units still to ship are
 * refunded alone (a refund request the platform makes and approves); what already shipped stays as it is. Before
 * 2026-12-06 (eighth session) every paid order stayed confirmed, its money kept for a shipment nobody would make; before
 * 2026-12-07 an order with another seller's lines was cancelled and refunded whole (the other seller's sale with it),
 * and one of which the other seller had shipped their lines kept the closed seller's units paid for, never to come.
 */
class ClosedSellerOrdersIT extends ApiTest {
    @Autowired
    CommandGateway commands;

    private String admin;

    @Test
    void aClosedVendorsOrders_theirsAloneCancelled_sharedOnesRefundedTheirUnits_shippedOnesStay() throws Exception {
        admin = tokenFor("admin");
        UserId vendorId = account("closing-vendor", "vendor");
        String vendor = tokenAs(vendorId.value(), "vendor");
        String other = tokenAs(UUID.randomUUID().toString(), "vendor");
        String kettle = product(vendor, "Kettle", 4_500, 5);
        String pan = product(other, "Pan", 2_000, 5);

        Buyer waiting = buyer(kettle, 2);
        Buyer shipped = buyer(kettle, 1);
        Buyer mixed = buyer(kettle, 1);
        add(mixed.token, pan, 1);
        Buyer both = buyer(kettle, 1);
        add(both.token, pan, 2);
        OrderId waitingOrder = order(waiting);
        OrderId shippedOrder = order(shipped);
        OrderId mixedOrder = order(mixed);
        OrderId bothOrder = order(both);
        long paid = api.get("/api/v1/orders/" + waitingOrder, waiting.token).body().get("totalCents").asLong();
        assertThat(balance(waiting.token)).isEqualTo(FUNDS - paid);
        long mixedPaid = api.get("/api/v1/orders/" + mixedOrder, mixed.token).body().get("totalCents").asLong();
        JsonNode bothPlaced = api.get("/api/v1/orders/" + bothOrder, both.token).body();
        // California, 7.25 % on goods, per line, half up: the kettle 326.25 → 326, the two pans 290
        assertThat(bothPlaced.get("taxCents").asLong()).isEqualTo(326 + 290);
        ship(shippedOrder, vendor);
        ship(mixedOrder, other); // the pan left: the order is under way, its kettle still to ship
        levels(kettle, 4, 4, 0);

        assertThat(api.post("/api/v1/admin/users/" + vendorId.value() + "/deactivate", null, admin).status()).isEqualTo(204);

        JsonNode cancelled = awaitStatus(api, waitingOrder, waiting.token, "cancelled").body();
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("seller_closed");
        Await.until(() -> balance(waiting.token) == FUNDS, Duration.ofSeconds(20), "the whole payment back in the wallet");
        assertThat(balance(waiting.token)).as("to the cent").isEqualTo(FUNDS);
        JsonNode mail = new Mailbox(api).await(waiting.email, "was cancelled");
        assertThat(mail.get("text").asText()).contains("a seller of the order closed their shop")
                .contains("Your payment of " + dev.stoa.api.platform.Money.format(paid, "USD") + " goes back to your Stoa wallet");

        // the order the other seller shipped their pan of: the kettle is refunded, price and tax, and the order is shipped
        long kettleBack = 4_500 + 326;
        JsonNode mixedRefund = awaitRefunded(mixedOrder, mixed.token);
        assertThat(List.of(mixedRefund.get("itemsCents").asLong(), mixedRefund.get("discountCents").asLong(),
                mixedRefund.get("taxCents").asLong(), mixedRefund.get("shippingCents").asLong(),
                mixedRefund.get("totalCents").asLong())).containsExactly(4_500L, 0L, 326L, 0L, kettleBack);
        assertThat(mixedRefund.get("reason").asText()).contains("closed their account");
        Await.until(() -> balance(mixed.token) == FUNDS - mixedPaid + kettleBack, Duration.ofSeconds(20), "the kettle back");
        String told = new Mailbox(api).await(mixed.email, "Refund of " + dev.stoa.api.platform.Money.format(kettleBack, "USD"))
                .get("text").asText();
        assertThat(told).contains("Why: the seller of these items closed their account before shipping them.")
                .doesNotContain("we approved your refund request");
        awaitStatus(api, mixedOrder, mixed.token, "shipped");

        // the order nothing of which shipped, with the other seller's pans: it goes on, its kettle refunded alone
        JsonNode bothRefund = awaitRefunded(bothOrder, both.token);
        assertThat(bothRefund.get("totalCents").asLong()).isEqualTo(kettleBack);
        Await.until(() -> balance(both.token) == FUNDS - bothPlaced.get("totalCents").asLong() + kettleBack,
                Duration.ofSeconds(20), "the kettle back");
        JsonNode goesOn = api.get("/api/v1/orders/" + bothOrder, both.token).body();
        assertThat(goesOn.get("status").asText()).isEqualTo("confirmed");
        assertThat(withdrawn(goesOn, kettle)).isEqualTo(1);
        assertThat(withdrawn(goesOn, pan)).isZero();
        ship(bothOrder, other);
        assertThat(api.get("/api/v1/orders/" + bothOrder, both.token).body().get("status").asText()).isEqualTo("shipped");

        Await.until(() -> inventory(kettle).get("reserved").asInt() == 0, Duration.ofSeconds(20), "the unshipped kettles back");
        levels(kettle, 4, 0, 4);
        levels(pan, 2, 0, 2);
        assertThat(api.get("/api/v1/orders/" + shippedOrder, shipped.token).body().get("status").asText()).isEqualTo("shipped");
        assertThat(balance(shipped.token)).isLessThan(FUNDS);
        assertThat(api.get("/api/v1/refunds?orderId=" + shippedOrder, shipped.token).body().get("total").asLong()).isZero();
    }

    /** The order's one refund request, once its money is back (the platform's, for a closed seller's units). */
    private JsonNode awaitRefunded(OrderId order, String token) {
        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds?orderId=" + order, token).body().at("/items/0/status").asText()),
                Duration.ofSeconds(20), "the closed seller's units refunded");
        JsonNode refunds = api.get("/api/v1/refunds?orderId=" + order, token).body();
        assertThat(refunds.get("total").asLong()).isEqualTo(1);
        return refunds.get("items").get(0);
    }

    private static int withdrawn(JsonNode order, String productId) {
        for (JsonNode item : order.get("items"))
            if (productId.equals(item.path("productId").asText())) return item.get("withdrawnQuantity").asInt();
        throw new AssertionError("no line of " + productId + " in " + order);
    }

    private static final long FUNDS = 50_000;

    private record Buyer(String id, String token, String email) {}

    private UserId account(String prefix, String role) {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, unique(prefix) + "@example.org", "$2a$10$abcdefghijklmnopqrstuv",
                "Sam", "Seller", null, Set.of(role), true));
        return id;
    }

    /** A registered customer with an address, {@link #FUNDS} in the wallet and {@code quantity} of the product in the cart. */
    private Buyer buyer(String productId, int quantity) {
        UserId id = UserId.random();
        String email = unique("buyer") + "@example.org";
        commands.sendAndWait(new RegisterUser(id, email, "$2a$10$abcdefghijklmnopqrstuv", "Bea", "Buyer", null,
                Set.of("customer"), true));
        Buyer buyer = new Buyer(id.value(), tokenAs(id.value(), "customer"), email);
        Api.Response address = api.post("/api/v1/users/" + id.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Market St", "city", "San Francisco", "postalCode", "94105", "countryCode", "US",
                "state", "CA", "isDefault", true), buyer.token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", FUNDS, "currency", "USD", "count", 1,
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().get("codes").get(0).asText()),
                buyer.token);
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        add(buyer.token, productId, quantity);
        return buyer;
    }

    private String product(String vendor, String name, long priceCents, int stock) {
        Map<String, Object> body = new HashMap<>(Catalog.product(unique(name.toUpperCase()), name, priceCents, null, "Stoa"));
        body.put("weightGrams", 800);
        String id = new Catalog(api).create(vendor, body);
        Api.Response r = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", stock), vendor);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return id;
    }

    private void add(String token, String productId, int quantity) {
        Api.Response r = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", productId, "quantity", quantity),
                token);
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    private OrderId order(Buyer buyer) {
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), buyer.token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.body().get("status").asText()).isEqualTo("confirmed");
        return new OrderId(placed.body().get("orderId").asText());
    }

    private void ship(OrderId order, String vendor) {
        Api.Response r = api.put("/api/v1/orders/" + order + "/status", Map.of("status", "shipped", "trackingNumber",
                "TRK-" + UUID.randomUUID().toString().substring(0, 8)), vendor);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private long balance(String token) { return api.get("/api/v1/wallet", token).body().get("balanceCents").asLong(); }

    private JsonNode inventory(String productId) { return api.get("/api/v1/products/" + productId + "/inventory").body(); }

    private void levels(String productId, int onHand, int reserved, int available) {
        JsonNode inventory = inventory(productId);
        assertThat(List.of(inventory.get("onHand").asInt(), inventory.get("reserved").asInt(), inventory.get("available").asInt()))
                .as(inventory.toString()).containsExactly(onHand, reserved, available);
    }
}
