package dev.stoa.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.*;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stock reservations on the real stack: sent through Axon's gateway as the checkout will send them (no HTTP endpoint
 * reserves stock), their effects read over HTTP: the inventory, the product detail and the search index.
 */
class InventoryIT extends ApiTest {
    private static final Duration PROJECTION = Duration.ofSeconds(20);
    @Autowired CommandGateway commands;
    @Autowired EventStore eventStore;
    @Autowired JdbcTemplate jdbc;

    /**
     * The vendor is mailed when a product runs low (at its reorder threshold, some left) and when it runs out; once per
     * crossing, and a fall straight to nothing says only that. Before 2026-12-07 the alerts told nobody (walkthrough
     * Z42): a vendor learnt it by reading the stock.
     */
    @Test
    void theVendorIsMailedWhenStockRunsLowAndWhenItRunsOut() throws Exception {
        UserId vendorId = UserId.random();
        String email = unique("stockist") + "@example.org";
        commands.sendAndWait(new dev.stoa.api.identity.RegisterUser(vendorId, email,
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("correct horse 42"),
                "Vera", "Vendor", null, java.util.Set.of("vendor"), true));
        String vendor = tokenAs(vendorId.value(), "vendor");
        String tag = unique("al");
        String sku = "ALERT-" + tag;
        String id = new Catalog(api).create(vendor, Catalog.product(sku, "Alert Lamp " + tag, 2_000, null, "Rex"));
        String inventory = "/api/v1/products/" + id + "/inventory";
        dev.stoa.app.support.Mailbox mailbox = new dev.stoa.app.support.Mailbox(api);

        assertThat(api.put(inventory, Map.of("onHand", 5, "reorderThreshold", 2), vendor).status()).isEqualTo(204);
        assertThat(api.put(inventory, Map.of("onHand", 3), vendor).status()).isEqualTo(204); // above the threshold
        assertThat(api.put(inventory, Map.of("onHand", 2), vendor).status()).isEqualTo(204);
        JsonNode low = mailbox.await(email, "Low stock");
        assertThat(low.get("subject").asText()).isEqualTo("Low stock: Alert Lamp " + tag + " (SKU " + sku + "), 2 left");
        assertThat(low.get("text").asText()).contains("reorder threshold of 2", inventory);
        assertThat(api.put(inventory, Map.of("onHand", 1), vendor).status()).isEqualTo(204); // low already: no more
        assertThat(api.put(inventory, Map.of("onHand", 0), vendor).status()).isEqualTo(204);
        JsonNode out = mailbox.await(email, "Out of stock");
        assertThat(out.get("subject").asText()).isEqualTo("Out of stock: Alert Lamp " + tag + " (SKU " + sku + ")");

        // back above the threshold, then straight to nothing: the one mail that says so
        assertThat(api.post(inventory + "/restock", Map.of("quantity", 6), vendor).status()).isEqualTo(204);
        assertThat(api.put(inventory, Map.of("onHand", 0), vendor).status()).isEqualTo(204);
        Await.until(() -> mailbox.all(email).stream().filter(m -> m.get("subject").asText().startsWith("Out of stock")).count() == 2,
                PROJECTION, "the second depletion's mail");
        Thread.sleep(500);
        assertThat(mailbox.all(email)).extracting(m -> m.get("subject").asText().replaceAll(":.*", ""))
                .containsExactly("Low stock", "Out of stock", "Out of stock");
    }

    @Test
    void reservationsLowerAvailableEverywhereAndCommitOrReleaseSettleThem() {
        String vendor = tokenFor("vendor");
        String tag = unique("res");
        String id = new Catalog(api).create(vendor, Catalog.product("RES-" + tag, "Reserved Radio " + tag, 2_000, null, "Rex"));
        ProductId product = new ProductId(id);
        assertThat(inventory(id)).as("opened with the product, at zero").isEqualTo(levels(0, 0, 0));
        assertThat(api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 10, "reorderThreshold", 2), vendor).status()).isEqualTo(204);

        OrderId first = OrderId.random();
        OrderId second = OrderId.random();
        commands.sendAndWait(new ReserveStock(product, first, 3));
        commands.sendAndWait(new ReserveStock(product, first, 3)); // a retry: changes nothing
        awaitInventory(id, levels(10, 3, 7));
        assertThat(api.get("/api/v1/products/" + id).body().at("/stock/available").asInt()).isEqualTo(7);

        ErrorDetails refused = refusal(() -> commands.sendAndWait(new ReserveStock(product, second, 8)));
        assertThat(refused.code()).isEqualTo("insufficient_stock");
        assertThat(refused.message()).contains(id, "8 requested", "7 available");

        commands.sendAndWait(new ReserveStock(product, second, 7));
        awaitInventory(id, levels(10, 10, 0));
        assertThat(api.get("/api/v1/products/" + id).body().at("/stock/available").asInt()).isZero();
        Await.until(() -> !searchHit(tag).get("inStock").asBoolean(), PROJECTION, "the search index shows it out of stock");
        Api.Response belowReserved = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 9), vendor);
        assertThat(belowReserved.status()).isEqualTo(422);
        assertThat(belowReserved.code()).isEqualTo("stock_below_reserved");

        commands.sendAndWait(new CommitStockReservation(product, first));   // the goods leave
        commands.sendAndWait(new CommitStockReservation(product, first));   // again: nothing
        commands.sendAndWait(new ReleaseStockReservation(product, first));  // committed: nothing to release
        awaitInventory(id, levels(7, 7, 0));
        commands.sendAndWait(new ReleaseStockReservation(product, second)); // the second order was cancelled
        commands.sendAndWait(new ReleaseStockReservation(product, second));
        awaitInventory(id, levels(7, 0, 7));
        assertThat(api.get("/api/v1/products/" + id).body().at("/stock/available").asInt()).isEqualTo(7);
        Await.until(() -> searchHit(tag).get("inStock").asBoolean(), PROJECTION, "the search index shows it in stock again");
        assertThat(refusal(() -> commands.sendAndWait(new CommitStockReservation(product, second))).code())
                .as("a released reservation cannot be committed").isEqualTo("invalid_transition");

        assertThat(types(InventoryIds.of(product))).containsExactly("InventoryOpened", "StockAdjusted", "StockReserved",
                "StockReserved", "StockReachedReorderThreshold", "StockDepleted", "StockReservationCommitted", "StockReservationReleased");
        assertThat(types(id)).as("the product's own stream holds no stock").containsExactly("ProductCreated");
    }

    /**
     * An order paid before 2026-12-05 took its units off onHand at payment, though they stay on the shelf until they
     * ship. The order-stock-upgrade processor holds them again (on hand, reserved): a count that finds them on the
     * shelf puts none on sale beside the order, and its shipment takes them off. Without the upgrade the count made
     * them available again, and they were sold twice.
     */
    @Test
    void anOrderPaidBeforeUnitsWereHeldUntilShipping_hasItsUnshippedUnitsHeldAgain() {
        String vendorId = java.util.UUID.randomUUID().toString();
        String vendor = tokenAs(vendorId, "vendor");
        Map<String, Object> body = new java.util.HashMap<>(Catalog.product("OLD-" + unique("o"), "Old Lamp", 2_000, null, "Rex"));
        body.put("weightGrams", 700);
        String id = new Catalog(api).create(vendor, body);
        ProductId product = new ProductId(id);
        assertThat(api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 10), vendor).status()).isEqualTo(204);
        UserId buyer = UserId.random();
        commands.sendAndWait(new dev.stoa.api.identity.RegisterUser(buyer, unique("old") + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", "Old", "Buyer", null, java.util.Set.of("customer"), true));

        // as the platform recorded it before: reserved at checkout, committed at payment, a confirmation without the flag
        OrderId order = OrderId.random();
        commands.sendAndWait(new ReserveStock(product, order, 3));
        commands.sendAndWait(new CommitStockReservation(product, order));
        awaitInventory(id, levels(7, 0, 7)); // as it read then: the three off onHand, though still on the shelf
        OrderLine line = new OrderLine(OrderLine.PRODUCT, id, new UserId(vendorId), "Old Lamp", "OLD-1", 2_000, 3, 6_000, true);
        OrderAmounts amounts = new OrderAmounts(6_000, 0, 0, 0, 6_000, "USD");
        String number = "ORD-20261201-" + new java.util.Random().ints(4, 0, 24).mapToObj(i -> "ABCDEFGHJKMNPQRSTVWXYZ23".substring(i, i + 1))
                .collect(java.util.stream.Collectors.joining());
        eventStore.publish(
                new GenericDomainEventMessage<>("Order", order.value(), 0, new OrderPlaced(order, number, buyer, List.of(line),
                        amounts, null, null, PlaceOrder.WALLET, null, java.time.Instant.now().plusSeconds(1_800))),
                new GenericDomainEventMessage<>("Order", order.value(), 1, new OrderConfirmed(order, number, buyer,
                        PlaceOrder.WALLET, "wallet-" + order.value(), 6_000, "USD", null)));

        awaitInventory(id, levels(10, 3, 7));
        assertThat(types(InventoryIds.of(product))).endsWith("StockReservationCommitted", "CommittedUnitsHeld");
        Api.Response counted = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 10, "expectedOnHand", 10), vendor);
        assertThat(counted.status()).as(counted.toString()).isEqualTo(204);
        assertThat(inventory(id)).as("the count finds the three on the shelf: still theirs").isEqualTo(levels(10, 3, 7));

        Api.Response shipped = api.put("/api/v1/orders/" + order.value() + "/status",
                Map.of("status", "shipped", "trackingNumber", "1Z-OLD"), vendor);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(204);
        assertThat(inventory(id)).as("they left with the shipment").isEqualTo(levels(7, 0, 7));
    }

    @Test
    void twentyBuyersRaceForFiveUnits_exactlyFiveReserve() throws Exception {
        String vendor = tokenFor("vendor");
        String id = new Catalog(api).create(vendor, Catalog.product(unique("RACE"), "Race Lamp", 1_500, null, "Rex"));
        ProductId product = new ProductId(id);
        assertThat(api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", 5), vendor).status()).isEqualTo(204);

        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) orders.add(OrderId.random());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (OrderId order : orders) {
                outcomes.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    try {
                        commands.sendAndWait(new ReserveStock(product, order, 1));
                        return "reserved";
                    } catch (CommandExecutionException e) {
                        return e.<ErrorDetails>getDetails().map(ErrorDetails::code).orElse(e.toString());
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) results.add(outcome.get());
            assertThat(results).filteredOn("reserved"::equals).hasSize(5);
            assertThat(results).filteredOn("insufficient_stock"::equals).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        awaitInventory(id, levels(5, 5, 0));
        assertThat(api.get("/api/v1/products/" + id).body().at("/stock/available").asInt()).isZero();
        assertThat(jdbc.queryForObject("select available from inventory_view where product_id = ?", Integer.class, id)).isZero();
        assertThat(reservedEventsAvailable(product)).as("available after each reservation, never negative")
                .containsExactly(4, 3, 2, 1, 0);

        for (OrderId order : orders) commands.sendAndWait(new ReleaseStockReservation(product, order));
        awaitInventory(id, levels(5, 0, 5));
    }

    @Test
    void aProductWhoseStockWasRecordedInItsOwnStreamKeepsItsLevels() {
        // a data directory from before inventories: the product's stream holds its stock, no inventory exists
        ProductId product = ProductId.random();
        UserId vendorId = UserId.random();
        String vendor = tokenAs(vendorId.value(), "vendor");
        String tag = unique("old");
        String id = product.value();
        eventStore.publish(
                productEvent(id, 0, new ProductCreated(product, vendorId, "OLD-" + tag, "old-" + tag, "Old Kettle " + tag,
                        null, 3_000L, null, "EUR", null, "Vintage", 800, true)),
                productEvent(id, 1, new StockAdjusted(product, 0, 12, 0, 12, 4, "Z-9")),
                productEvent(id, 2, new ProductRestocked(product, 8, 20, 0, 20)));

        // the inventory-opener opens it from ProductCreated, with the levels the product's stream recorded
        Await.until(() -> api.get("/api/v1/products/" + id + "/inventory").status() == 200, PROJECTION, "the inventory is open");
        JsonNode inventory = api.get("/api/v1/products/" + id + "/inventory", vendor).body();
        assertThat(levels(inventory)).isEqualTo(levels(20, 0, 20));
        assertThat(inventory.get("reorderThreshold").asInt()).isEqualTo(4);
        assertThat(inventory.get("warehouseLocation").asText()).isEqualTo("Z-9");
        Await.until(() -> api.get("/api/v1/products/" + id).body().at("/stock/available").asInt() == 20, PROJECTION,
                "the product detail shows the stock");

        // and it goes on from there, with the product's vendor as its owner
        assertThat(api.post("/api/v1/products/" + id + "/inventory/restock", Map.of("quantity", 5), tokenFor("vendor")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/products/" + id + "/inventory/restock", Map.of("quantity", 5), vendor).status()).isEqualTo(204);
        assertThat(levels(api.get("/api/v1/products/" + id + "/inventory").body())).isEqualTo(levels(25, 0, 25));
        commands.sendAndWait(new ReserveStock(product, OrderId.random(), 25));
        awaitInventory(id, levels(25, 25, 0));
        assertThat(types(InventoryIds.of(product))).containsExactly("InventoryOpened", "ProductRestocked", "StockReserved",
                "StockReachedReorderThreshold", "StockDepleted");
    }

    @Test
    void reservingStockOfAnUnknownProductIsNotFound() {
        assertThat(refusal(() -> commands.sendAndWait(new ReserveStock(ProductId.random(), OrderId.random(), 1))).code())
                .isEqualTo("not_found");
        assertThat(api.get("/api/v1/products/" + ProductId.random() + "/inventory").code()).isEqualTo("not_found");
    }

    // ---- helpers

    private record Levels(int onHand, int reserved, int available) {}

    private static Levels levels(int onHand, int reserved, int available) { return new Levels(onHand, reserved, available); }

    private static Levels levels(JsonNode inventory) {
        return levels(inventory.get("onHand").asInt(), inventory.get("reserved").asInt(), inventory.get("available").asInt());
    }

    private Levels inventory(String productId) {
        Api.Response r = api.get("/api/v1/products/" + productId + "/inventory");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return levels(r.body());
    }

    /** Reservations answer before their projection has them (no HTTP write waits here): poll. */
    private void awaitInventory(String productId, Levels expected) {
        Await.until(() -> inventory(productId).equals(expected), PROJECTION, "inventory of " + productId + " is " + expected);
    }

    private JsonNode searchHit(String tag) {
        JsonNode items = api.get("/api/v1/search?q=" + tag).body().get("items");
        assertThat(items).as("search for " + tag).hasSize(1);
        return items.get(0);
    }

    private static ErrorDetails refusal(Runnable command) {
        CommandExecutionException e = catchThrowableOfType(CommandExecutionException.class, command::run);
        assertThat(e).as("refused").isNotNull();
        return e.<ErrorDetails>getDetails().orElseThrow();
    }

    private List<String> types(String aggregateId) {
        List<String> types = new ArrayList<>();
        eventStore.readEvents(aggregateId, 0).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        return types;
    }

    private List<Integer> reservedEventsAvailable(ProductId product) {
        List<Integer> available = new ArrayList<>();
        eventStore.readEvents(InventoryIds.of(product), 0).forEachRemaining(e -> {
            if (e.getPayload() instanceof StockReserved r) available.add(r.available());
        });
        return available;
    }

    private static GenericDomainEventMessage<?> productEvent(String productId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Product", productId, sequence, payload);
    }
}
