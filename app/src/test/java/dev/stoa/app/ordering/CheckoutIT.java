package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.cart.CartContents;
import dev.stoa.api.cart.CheckOutCart;
import dev.stoa.api.cart.ReadCartForCheckout;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.ReserveStock;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Race;
import dev.stoa.command.platform.PeriodicTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout through the HTTP API on the real stack: the cart becomes a wallet-paid order with every amount to the cent,
 * stock reserved and committed, the wallet debited once; refusals (no stock, no money, no address, exhausted coupon,
 * empty cart) leave nothing reserved or redeemed and the cart as it was; racing buyers never oversell; a retried
 * request places one order, and so does one cart ordered several times at once; a line added while the order is placed
 * is never lost; a checkout whose request died gives the cart and the stock back; a cancelled paid order gives the
 * money and the units back.
 */
class CheckoutIT extends ApiTest {
    private static final Instant IN_A_MONTH = Instant.now().plus(Duration.ofDays(30));
    @Autowired CommandGateway commands;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Autowired org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    private String admin;
    private String vendorId;
    private String vendor;

    @BeforeEach
    void setUp() {
        admin = tokenFor("admin");
        vendorId = UUID.randomUUID().toString();
        vendor = tokenAs(vendorId, "vendor");
    }

    /** A registered customer (an account, so it has an address book); answers its id and token. */
    private String[] customer() {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, unique("buyer") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv",
                "Check", "Out", null, Set.of("customer"), true));
        return new String[] {id.value(), tokenAs(id.value(), "customer")};
    }

    private String address(String userId, String token, String country, String state) {
        Map<String, Object> body = new HashMap<>(Map.of("label", "home", "streetLine1", "1 Market St", "city", "San Francisco",
                "postalCode", "94105", "countryCode", country, "isDefault", true));
        if (state != null) body.put("state", state);
        Api.Response r = api.post("/api/v1/users/" + userId + "/addresses", body, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("addressId").asText();
    }

    private String product(String name, long priceCents, Integer grams, int stock) {
        Map<String, Object> body = new HashMap<>(Catalog.product(unique(name.toUpperCase()), name, priceCents, null, "Stoa"));
        body.put("weightGrams", grams);
        String id = new Catalog(api).create(vendor, body);
        Api.Response r = api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", stock), vendor);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        return id;
    }

    private void fund(List<String> tokens, long cents) {
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", cents, "currency", "USD",
                "count", tokens.size(), "expiresAt", IN_A_MONTH.toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        for (int i = 0; i < tokens.size(); i++) {
            Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().get("codes").get(i).asText()),
                    tokens.get(i));
            assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        }
    }

    /** A customer with an address in California, 100.00 in the wallet and one unit of the product in the cart. */
    private String[] readyToOrder(String productId) {
        String[] buyer = customer();
        address(buyer[0], buyer[1], "US", "CA");
        fund(List.of(buyer[1]), 10_000);
        add(buyer[1], productId, 1);
        return buyer;
    }

    private void add(String token, String productId, int quantity) {
        Api.Response r = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", productId, "quantity", quantity), token);
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    /**
     * A buyer's own request labels, short or long, never stop what follows their order: its mails go out and the audit
     * log chains on. Before this was fixed (2026-12-07, the same day the labels were sealed; walkthrough Z13) a long label
     * parked the order's mails as dead letters (the sealed label too long for the outbox's column) and a short one stopped
     * the audit log for everyone (the mail dispatcher's system event carried the sealed label, which no key of "system"
     * opens).
     */
    @Test
    void aBuyersLabels_shortOrLong_neitherStopTheOrdersMailsNorTheAuditLog() throws Exception {
        String lamp = product("Lamp", 1_500, null, 5);
        for (String label : List.of("x1", "my-mobile-app.checkout:" + UUID.randomUUID().toString().substring(0, 12))) {
            UserId id = UserId.random();
            String email = unique("labelled") + "@example.org";
            commands.sendAndWait(new RegisterUser(id, email, "$2a$10$abcdefghijklmnopqrstuv", "La", "Bel", null,
                    Set.of("customer"), true));
            String token = tokenAs(id.value(), "customer");
            address(id.value(), token, "US", "CA");
            fund(List.of(token), 10_000);
            add(token, lamp, 1);
            Api.Response placed = api.post("/api/v1/orders", wallet(), token,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Correlation-Id", label));
            assertThat(placed.status()).as(label + ": " + placed).isEqualTo(201);
            String number = placed.body().get("orderNumber").asText();
            new dev.stoa.app.support.Mailbox(api).await(email, number);
            // recorded sent (NotificationSent, the dispatcher's event): the audit log chains on past it
            dev.stoa.app.support.Await.until(() -> {
                for (JsonNode n : api.get("/api/v1/users/me/notifications", token).body().path("items"))
                    if ("order-confirmation".equals(n.path("templateName").asText()) && "sent".equals(n.path("status").asText()))
                        return true;
                return false;
            }, java.time.Duration.ofSeconds(20), "the confirmation recorded sent");
            String auditor = tokenFor("auditor");
            Api.Response ofOrder = api.get("/api/v1/audit/events?aggregateId=" + placed.body().get("orderId").asText(), auditor);
            assertThat(ofOrder.header("X-Stoa-Consistency")).as(label).isEqualTo("consistent");
            assertThat(ofOrder.body().at("/items/0/metadata/clientCorrelationId").asText()).as(label).isEqualTo(label);
        }
    }

    private Api.Response checkout(String token, Map<String, Object> body, String key) {
        return api.post("/api/v1/orders", body, token, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> wallet() { return Map.of("paymentMethod", "wallet"); }

    private JsonNode inventory(String productId) {
        Api.Response r = api.get("/api/v1/products/" + productId + "/inventory");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private static void levels(JsonNode inventory, int onHand, int reserved, int available) {
        assertThat(List.of(inventory.get("onHand").asInt(), inventory.get("reserved").asInt(), inventory.get("available").asInt()))
                .as(inventory.toString()).containsExactly(onHand, reserved, available);
    }

    private long balance(String token) {
        Api.Response r = api.get("/api/v1/wallet", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body().get("balanceCents").asLong();
    }

    /**
     * An Accept header no answer meets is refused before anything happens. Before, the order was placed and paid from
     * the wallet and the client read 406, "not done", which the Idempotency-Key then kept for 24 hours: the retry with
     * a good header read 406 again (found by a walkthrough). So were a voucher's redemption and every other write.
     */
    @Test
    void anAcceptHeaderNoAnswerMeets_isRefusedBeforeTheOrderIsPlaced_andTheKeysRetryPlacesIt() {
        String kettle = product("Kettle", 3_000, 800, 5);
        String[] buyer = readyToOrder(kettle);
        String token = buyer[1];
        String key = UUID.randomUUID().toString();

        // q=0 is "not acceptable"; the problem type is for refusals (a paid order was answered as a problem)
        for (String accept : List.of("application/xml", "text/html", "application/yaml", "application/json;q=0",
                "*/*;q=0", "application/problem+json",
                // nor is another JSON-based type: before 2026-12-07 these placed the order and labelled its JSON as HAL
                "application/hal+json", "application/vnd.api+json",
                // a wider range does not take back what a more specific one refused (before 2026-12-06, seventh
                // session, these placed the order and answered JSON)
                "application/json;q=0, */*", "application/*;q=0, */*;q=0.5", "application/json;q=0, application/*")) {
            Api.Response refused = api.post("/api/v1/orders", wallet(), token, Map.of("Idempotency-Key", key, "Accept", accept));
            assertThat(refused.status()).as(accept + ": " + refused).isEqualTo(406);
            assertThat(refused.code()).isEqualTo("not_acceptable");
            // what it answers in, named as it is: JSON, not "application/*+json" beside it (Z18)
            assertThat(refused.body().get("detail").asText()).as(accept).doesNotContain("*+json");
        }
        // an Accept header that cannot be read (a weight that is no number, or above 1) is refused as a problem too: it
        // was a 406 without a body before 2026-12-06 (seventh session)
        for (String accept : List.of("application/json;q=abc", "application/json;q=1.5, */*")) {
            Api.Response malformed = api.post("/api/v1/orders", wallet(), token, Map.of("Idempotency-Key", key, "Accept", accept));
            assertThat(malformed.status()).as(accept + ": " + malformed).isEqualTo(406);
            assertThat(malformed.contentType()).as(accept).startsWith("application/problem+json");
            assertThat(malformed.code()).as(accept).isEqualTo("not_acceptable");
        }
        assertThat(jdbc.queryForObject("select count(*) from order_view where buyer_id = ?", Long.class, buyer[0])).isZero();
        assertThat(balance(token)).isEqualTo(10_000);
        levels(inventory(kettle), 5, 0, 5);
        assertThat(api.get("/api/v1/cart", token).body().get("items").size()).isEqualTo(1);

        Api.Response placed = api.post("/api/v1/orders", wallet(), token,
                Map.of("Idempotency-Key", key, "Accept", "application/problem+json, text/html;q=0.9, application/json"));
        assertThat(placed.status()).as("the key kept no answer: its retry runs; " + placed).isEqualTo(201);
        assertThat(placed.contentType()).as("a success is no problem").startsWith("application/json");
        assertThat(placed.header("Idempotent-Replayed")).isNull();
        assertThat(balance(token)).isEqualTo(10_000 - placed.body().get("totalCents").asLong());
        // the key's replay is sent only in a type the retry's own Accept takes (it ignored it before 2026-12-06, seventh
        // session); refusing it changes nothing, and a retry that accepts it gets the kept answer
        for (String accept : List.of("text/html", "application/json;q=0, */*")) {
            Api.Response refused = api.post("/api/v1/orders", wallet(), token, Map.of("Idempotency-Key", key, "Accept", accept));
            assertThat(refused.status()).as(accept + ": " + refused).isEqualTo(406);
            assertThat(refused.code()).isEqualTo("not_acceptable");
        }
        Api.Response replayed = api.post("/api/v1/orders", wallet(), token, Map.of("Idempotency-Key", key, "Accept", "*/*"));
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body().get("orderId").asText()).isEqualTo(placed.body().get("orderId").asText());
        assertThat(balance(token)).isEqualTo(10_000 - placed.body().get("totalCents").asLong());
        Api.Response yaml = api.send("GET", "/api/v1/orders/" + placed.body().get("orderId").asText(), null, null, token,
                Map.of("Accept", "application/yaml"));
        assertThat(yaml.status()).as("the API answers JSON, as its document says (it answered YAML)").isEqualTo(406);
        Api.Response hal = api.send("GET", "/api/v1/orders/" + placed.body().get("orderId").asText(), null, null, token,
                Map.of("Accept", "application/hal+json, application/json;q=0.5"));
        assertThat(hal.status()).as(hal.toString()).isEqualTo(200);
        assertThat(hal.contentType()).as("plain JSON, labelled so (it was labelled HAL)").startsWith("application/json");
    }

    @Test
    void aDeactivatedOrSuspendedBuyersStillValidTokenPlacesNoOrder_theCartAndStockStay() {
        String kettle = product("Kettle", 3_000, 800, 5);
        String[] buyer = readyToOrder(kettle);
        String token = buyer[1];

        assertThat(api.post("/api/v1/admin/users/" + buyer[0] + "/suspend", Map.of("reason", "chargebacks"), admin).status()).isEqualTo(204);
        Api.Response suspended = checkout(token, wallet(), null); // the access token lives on until it expires
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(403);
        assertThat(suspended.code()).isEqualTo("account_suspended");

        assertThat(api.post("/api/v1/admin/users/" + buyer[0] + "/deactivate", null, admin).status()).isEqualTo(204);
        Api.Response deactivated = checkout(token, wallet(), null);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(403);
        assertThat(deactivated.code()).isEqualTo("account_deactivated");

        assertThat(api.get("/api/v1/cart", token).body().get("items").size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from order_view where buyer_id = ?", Long.class, buyer[0])).isZero();
        levels(inventory(kettle), 5, 0, 5);
        assertThat(balance(token)).isEqualTo(10_000);
    }

    @Test
    void theBuyersExportHoldsEveryOrderTheWalletLedgerAndTheCart() {
        String lamp = product("Reading Lamp", 2_000, 900, 5);
        String pen = product("Pen", 300, 20, 50);
        String[] buyer = customer();
        String token = buyer[1];
        address(buyer[0], token, "US", "NY");
        fund(List.of(token), 10_000);
        add(token, lamp, 1);
        Api.Response placed = checkout(token, wallet(), null);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        long total = placed.body().get("totalCents").asLong();
        add(token, pen, 3); // still in the cart when exporting

        Api.Response exported = api.get("/api/v1/users/me/export", token);
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode export = exported.body();
        assertThat(export.get("orders")).hasSize(1);
        assertThat(export.at("/orders/0/orderNumber").asText()).isEqualTo(placed.body().get("orderNumber").asText());
        assertThat(export.at("/orders/0/totalCents").asLong()).isEqualTo(total);
        assertThat(export.at("/orders/0/shippingAddress/streetLine1").asText()).isEqualTo("1 Market St");
        assertThat(export.at("/orders/0/items/0/productId").asText()).isEqualTo(lamp);
        assertThat(export.at("/wallet/balanceCents").asLong()).isEqualTo(10_000 - total);
        assertThat(export.at("/wallet/entries")).extracting(e -> e.get("type").asText() + " " + e.get("amountCents").asLong())
                .containsExactly("debit " + total, "topup 10000");
        assertThat(export.at("/cart/items/0/itemId").asText()).isEqualTo(pen);
        assertThat(export.at("/cart/items/0/quantity").asInt()).isEqualTo(3);
    }

    @Test
    void aWalletPaidCheckoutFromEmptyCartToDelivered_everyAmountToTheCent() {
        String mug = product("Mug", 1_250, 400, 5);
        String ebook = product("Ebook", 999, null, 100);
        String code = unique("SAVE").toUpperCase();
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "percentOff", 10, "currency", "USD"), admin).status())
                .isEqualTo(201);
        String[] buyer = customer();
        String token = buyer[1];
        String addressId = address(buyer[0], token, "US", "CA");
        fund(List.of(token), 10_000);

        add(token, mug, 2);
        add(token, ebook, 1);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), token).status()).isBetween(200, 204);
        JsonNode cart = api.get("/api/v1/cart", token).body();
        // subtotal 34.99; 10% off = 3.50; tax: California 7.25% on the mugs after their share of the discount
        // (25.00 - 2.51 = 22.49 → 1.63), e-books 0%; shipping: domestic 4.99 + 1.00 for the started kilogram (800 g)
        List<Long> expected = List.of(3_499L, 350L, 163L, 599L, 3_911L);
        assertThat(List.of(cart.get("subtotalCents").asLong(), cart.get("discountCents").asLong(), cart.get("taxCents").asLong(),
                cart.get("shippingCents").asLong(), cart.get("totalCents").asLong())).as(cart.toString()).isEqualTo(expected);

        Api.Response placed = checkout(token, Map.of("paymentMethod", "wallet", "shippingAddressId", addressId,
                "notes", "ring twice"), UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode body = placed.body();
        String orderId = body.get("orderId").asText();
        assertThat(placed.header("Location")).endsWith("/api/v1/orders/" + orderId);
        assertThat(placed.header("X-Stoa-Consistency")).isEqualTo("consistent");
        assertThat(body.get("orderNumber").asText()).matches("ORD-\\d{8}-[2-9A-HJ-NP-Z]{4}");
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(List.of(body.get("subtotalCents").asLong(), body.get("discountCents").asLong(), body.get("taxCents").asLong(),
                body.get("shippingCents").asLong(), body.get("totalCents").asLong())).isEqualTo(expected);
        assertThat(body.get("payment").get("method").asText()).isEqualTo("wallet");

        JsonNode order = api.get("/api/v1/orders/" + orderId, token).body();
        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("confirmed");
        assertThat(order.get("totalCents").asLong()).isEqualTo(3_911);
        assertThat(order.get("items")).hasSize(2);
        JsonNode mugLine = order.get("items").get(0);
        assertThat(mugLine.get("productId").asText()).isEqualTo(mug);
        assertThat(mugLine.get("nameSnapshot").asText()).isEqualTo("Mug");
        assertThat(mugLine.get("skuSnapshot").asText()).startsWith("MUG");
        assertThat(mugLine.get("unitPriceCents").asLong()).isEqualTo(1_250);
        assertThat(mugLine.get("quantity").asInt()).isEqualTo(2);
        assertThat(mugLine.get("lineTotalCents").asLong()).isEqualTo(2_500);
        assertThat(order.get("shippingAddress").get("city").asText()).isEqualTo("San Francisco");
        // whom the parcel is for: the account's name (none before 2026-12-07: a vendor could not label it; walkthrough Z9)
        assertThat(order.at("/shippingAddress/recipientName").asText()).isEqualTo("Check Out");
        assertThat(api.get("/api/v1/orders/" + orderId, vendor).body().at("/shippingAddress/recipientName").asText())
                .as("the vendor who ships it").isEqualTo("Check Out");
        assertThat(order.get("history").findValuesAsText("status")).containsExactly("pending", "confirmed");

        // the money left the wallet once; the mugs stay in the warehouse, reserved, until they ship; the e-book is the
        // buyer's now (nothing ships it); the cart is empty
        assertThat(balance(token)).isEqualTo(10_000 - 3_911);
        JsonNode debit = api.get("/api/v1/wallet", token).body().get("entries").get(0);
        assertThat(debit.get("type").asText()).isEqualTo("debit");
        assertThat(debit.get("amountCents").asLong()).isEqualTo(3_911);
        levels(inventory(mug), 5, 2, 3);
        levels(inventory(ebook), 99, 0, 99);
        JsonNode emptied = api.get("/api/v1/cart", token).body();
        assertThat(emptied.get("items")).isEmpty();
        assertThat(emptied.path("couponCode").isNull() || emptied.path("couponCode").isMissingNode()).isTrue();

        // a price change after checkout does not touch the order
        Map<String, Object> dearer = new HashMap<>(Catalog.product("MUG-X" + UUID.randomUUID().toString().substring(0, 6), "Mug", 9_999, null, "Stoa"));
        dearer.put("sku", mugLine.get("skuSnapshot").asText());
        dearer.put("slug", api.get("/api/v1/products/" + mug).body().get("slug").asText());
        assertThat(api.put("/api/v1/products/" + mug, dearer, vendor).status()).isBetween(200, 204);
        assertThat(api.get("/api/v1/orders/" + orderId, token).body().get("items").get(0).get("unitPriceCents").asLong())
                .isEqualTo(1_250);

        // the vendor ships (tracking) and the order is delivered
        Api.Response shipped = api.put("/api/v1/orders/" + orderId + "/status",
                Map.of("status", "shipped", "trackingNumber", "1Z999AA10123456784"), vendor);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(204);
        levels(inventory(mug), 3, 0, 3); // the mugs left with the shipment
        Api.Response delivered = api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(204);
        JsonNode done = api.get("/api/v1/orders/" + orderId, token).body();
        assertThat(done.get("status").asText()).isEqualTo("delivered");
        assertThat(done.get("history").findValuesAsText("status")).containsExactly("pending", "confirmed", "shipped", "delivered");
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", token).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/orders/" + orderId, tokenFor("customer")).status()).isEqualTo(404);
    }

    /**
     * A vendor counts the warehouse between a sale and its shipment: the sold units are still on the shelf, and the
     * count finds them. They stay reserved for the order, so nobody buys them again. Before, they left onHand at
     * payment, the count put them back, and they were sold a second time. A count names the level it was made
     * against: one made before the shipment is refused after it (409 stock_changed), as it would add back what left.
     */
    @Test
    void aCountOfTheWarehouseBetweenPaymentAndShipping_sellsNoPaidUnitTwice() {
        String vase = product("Vase", 2_000, 900, 5);
        assertThat(api.put("/api/v1/products/" + vase + "/inventory", Map.of("reorderThreshold", 1, "warehouseLocation", "B-7"),
                vendor).status()).isEqualTo(204);
        levels(inventory(vase), 5, 0, 5);
        String[] first = customer(), second = customer();
        address(first[0], first[1], "US", "NY");
        address(second[0], second[1], "US", "NY");
        fund(List.of(first[1], second[1]), 50_000);
        add(first[1], vase, 2);
        Api.Response paid = checkout(first[1], wallet(), null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body().get("status").asText()).isEqualTo("confirmed");
        String orderId = paid.body().get("orderId").asText();
        levels(inventory(vase), 5, 2, 3);

        // the count finds all five vases on the shelf; the two sold stay reserved
        JsonNode before = inventory(vase);
        Api.Response counted = api.put("/api/v1/products/" + vase + "/inventory",
                Map.of("onHand", 5, "expectedOnHand", before.get("onHand").asInt()), vendor);
        assertThat(counted.status()).as(counted.toString()).isEqualTo(204);
        levels(inventory(vase), 5, 2, 3);
        JsonNode settings = api.get("/api/v1/products/" + vase + "/inventory", vendor).body();
        assertThat(settings.get("reorderThreshold").asInt()).as("kept: the count left it out").isEqualTo(1);
        assertThat(settings.get("warehouseLocation").asText()).as("kept: the count left it out").isEqualTo("B-7");
        Api.Response tooMany = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", vase, "quantity", 4), second[1]);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("insufficient_stock");
        add(second[1], vase, 3);
        Api.Response rest = checkout(second[1], wallet(), null);
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        levels(inventory(vase), 5, 5, 0);
        assertThat(api.put("/api/v1/products/" + vase + "/inventory", Map.of("onHand", 1), vendor).code())
                .as("the shelf cannot hold fewer than are sold").isEqualTo("stock_below_reserved");

        // the first order ships: two vases leave before its answer (not only when the order's saga, held here, gets to
        // the shipment); a count made against the level before is refused, one made after applies
        StreamingEventProcessor saga = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("OrderFulfilmentProcessor", StreamingEventProcessor.class).orElseThrow();
        saga.shutDown();
        try {
            Api.Response shipped = api.put("/api/v1/orders/" + orderId + "/status",
                    Map.of("status", "shipped", "trackingNumber", "1Z999AA10123456785"), vendor);
            assertThat(shipped.status()).as(shipped.toString()).isEqualTo(204);
            levels(inventory(vase), 3, 3, 0); // gone with the shipment's answer: a count after it sees them gone
            Api.Response stale = api.put("/api/v1/products/" + vase + "/inventory", Map.of("onHand", 5, "expectedOnHand", 5), vendor);
            assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
            assertThat(stale.code()).isEqualTo("stock_changed");
        } finally {
            saga.start();
        }
        levels(inventory(vase), 3, 3, 0);
        Api.Response recounted = api.put("/api/v1/products/" + vase + "/inventory", Map.of("onHand", 4, "expectedOnHand", 3), vendor);
        assertThat(recounted.status()).as(recounted.toString()).isEqualTo(204);
        levels(inventory(vase), 4, 3, 1);
        Api.Response nothing = api.put("/api/v1/products/" + vase + "/inventory", Map.of(), vendor);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(400);
        assertThat(nothing.code()).isEqualTo("validation_failed");
    }

    @Test
    void twentyBuyersRaceForFiveUnits_exactlyFiveOrdersAndNothingLeftReserved() throws Exception {
        String ticket = product("Ticket", 2_000, null, 5);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) tokens.add(tokenFor("customer"));
        fund(tokens, 5_000);
        for (String token : tokens) add(token, ticket, 1);

        List<Api.Response> responses = Race.of(tokens.stream()
                .<Callable<Api.Response>>map(token -> () -> checkout(token, wallet(), UUID.randomUUID().toString())).toList());

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).as(responses.toString()).isEqualTo(5);
        assertThat(responses.stream().filter(r -> r.status() != 201))
                .allSatisfy(r -> {
                    assertThat(r.status()).as(r.toString()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("insufficient_stock");
                    assertThat(r.body().get("detail").asText()).contains("Ticket");
                });
        levels(inventory(ticket), 0, 0, 0);
        for (int i = 0; i < tokens.size(); i++) {
            long expected = responses.get(i).status() == 201 ? 3_000 : 5_000; // digital, no tax at the origin (US)
            assertThat(balance(tokens.get(i))).isEqualTo(expected);
        }
    }

    @Test
    void theSameRequestSentFiveTimesWithOneKeyPlacesOneOrder() throws Exception {
        String book = product("Book", 1_500, null, 10);
        String[] buyer = customer();
        String token = buyer[1];
        fund(List.of(token), 10_000);
        add(token, book, 1);
        String key = UUID.randomUUID().toString();

        Api.Response first = checkout(token, wallet(), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Api.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) retries.add(pool.submit(() -> checkout(token, wallet(), key)));
        for (Future<Api.Response> retry : retries) {
            Api.Response r = retry.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(r.body().get("orderId").asText()).isEqualTo(first.body().get("orderId").asText());
        }
        pool.shutdown();
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", token).body().get("total").asLong()).isEqualTo(1);
        assertThat(balance(token)).isEqualTo(10_000 - 1_500);
        levels(inventory(book), 9, 0, 9);
    }

    @Test
    void oneCartOrderedFourTimesAtOnce_oneOrderOneDebit_theOthersRefused() throws Exception {
        String book = product("Book", 1_500, null, 10);
        String[] buyer = customer();
        String token = buyer[1];
        fund(List.of(token), 10_000);
        add(token, book, 2);

        Callable<Api.Response> order = () -> checkout(token, wallet(), UUID.randomUUID().toString()); // a key each
        List<Api.Response> responses = Race.times(4, order);

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).as(responses.toString()).isEqualTo(1);
        assertThat(responses.stream().filter(r -> r.status() != 201)).allSatisfy(r -> assertThat(r.code()).as(r.toString())
                .isIn("concurrent_modification", "cart_empty")); // taken while it read the cart, or before
        assertThat(responses.stream().filter(r -> r.status() != 201).map(Api.Response::status)).allMatch(s -> s == 409 || s == 422);
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", token).body().get("total").asLong()).isEqualTo(1);
        assertThat(balance(token)).isEqualTo(10_000 - 3_000);
        levels(inventory(book), 8, 0, 8);
        assertThat(api.get("/api/v1/cart", token).body().get("items")).isEmpty();
    }

    @Test
    void aLineAddedWhileTheOrderIsPlacedIsNeverLost_itIsInTheOrderOrStillInTheCart() throws Exception {
        String book = product("Book", 1_500, null, 100);
        String mug = product("Mug", 700, null, 100);
        String[] buyer = customer();
        String token = buyer[1];
        fund(List.of(token), 100_000);
        for (int round = 0; round < 6; round++) {
            assertThat(api.delete("/api/v1/cart", token).status()).isBetween(200, 204);
            add(token, book, 1);
            long delay = round * 15L; // from before the checkout reads the cart to after it took it
            List<Api.Response> both = Race.of(List.of(() -> checkout(token, wallet(), UUID.randomUUID().toString()), () -> {
                Thread.sleep(delay);
                return api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", mug, "quantity", 1), token);
            }));
            Api.Response placed = both.get(0);
            Api.Response add = both.get(1);
            assertThat(add.status()).as(add.toString()).isBetween(200, 204); // acknowledged: it must be somewhere

            List<String> ordered = new ArrayList<>();
            if (placed.status() == 201) {
                Api.Response o = api.get("/api/v1/orders/" + placed.body().get("orderId").asText(), token);
                o.body().get("items").forEach(i -> ordered.add(i.get("productId").asText()));
            } else {
                assertThat(placed.code()).as(placed.toString()).isEqualTo("concurrent_modification");
            }
            List<String> inCart = new ArrayList<>();
            api.get("/api/v1/cart", token).body().get("items").forEach(i -> inCart.add(i.get("itemId").asText()));
            assertThat(ordered.contains(mug) || inCart.contains(mug))
                    .as("round %d: the mug added at once is in the order %s or the cart %s (order: %s)", round, ordered,
                            inCart, placed).isTrue();
            assertThat(ordered.contains(book) || inCart.contains(book)).as("round %d: the book", round).isTrue();
        }
    }

    @Test
    void aCheckoutWhoseRequestDiedPutsTheCartBackWithItsReservations() {
        String book = product("Book", 1_500, null, 10);
        String[] buyer = customer();
        String token = buyer[1];
        add(token, book, 3);
        UserId buyerId = new UserId(buyer[0]);
        OrderId orderId = OrderId.random();
        // an earlier one of a cart of courses only (nothing reserved) died too, and does not hold this one up; so did one
        // that named a product with no inventory (nothing reserved there: it was retried for good before)
        OrderId coursesOnly = OrderId.random(), noInventory = OrderId.random();
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, coupon_code, started_at) "
                + "values (?, ?, '', null, now() - interval '2 hours')", coursesOnly.value(), buyerId.value());
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, coupon_code, started_at) "
                + "values (?, ?, ?, null, now() - interval '2 hours')", noInventory.value(), buyerId.value(), UUID.randomUUID().toString());
        // what a checkout does up to its order, then dies: the cart taken, the stock reserved, the attempt noted (an hour
        // ago). Noted once the cart is seen taken: noted before, the platform's own recovery, every 30 s, could put the
        // cart back before the test saw it taken, and the wait for an empty cart timed out (ci112, 2026-12-07)
        CartContents cart = commands.sendAndWait(new ReadCartForCheckout(buyerId));
        commands.sendAndWait(new CheckOutCart(buyerId, orderId, cart));
        commands.sendAndWait(new ReserveStock(new ProductId(book), orderId, 3));
        Await.until(() -> api.get("/api/v1/cart", token).body().get("items").isEmpty(), Duration.ofSeconds(10), "the cart taken");
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, coupon_code, started_at) "
                + "values (?, ?, ?, null, now() - interval '1 hour')", orderId.value(), buyerId.value(), book);

        context.getBean("checkoutAttempts", PeriodicTask.class).runOnce();

        Await.until(() -> api.get("/api/v1/cart", token).body().get("items").size() == 1, Duration.ofSeconds(10), "the cart back");
        JsonNode line = api.get("/api/v1/cart", token).body().get("items").get(0);
        assertThat(line.get("itemId").asText()).isEqualTo(book);
        assertThat(line.get("quantity").asInt()).isEqualTo(3);
        Await.until(() -> inventory(book).get("available").asInt() == 10, Duration.ofSeconds(10), "the stock released");
        levels(inventory(book), 10, 0, 10);
        assertThat(jdbc.queryForObject("select count(*) from checkout_attempt where order_id in (?, ?, ?)", Long.class,
                orderId.value(), coursesOnly.value(), noInventory.value())).isZero();
        // and the buyer can order it
        fund(List.of(token), 10_000);
        Api.Response placed = checkout(token, wallet(), UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(balance(token)).isEqualTo(10_000 - 4_500);
    }

    /**
     * A buyer with no wallet yet, ordering in another currency than wallets keep: a mismatch no top-up mends (it read
     * "the wallet holds 0 cents", insufficient_funds, before 2026-12-06; found by a walkthrough); in the wallets' own
     * currency: insufficient_funds.
     */
    @Test
    void noWalletYet_anOrderInAnotherCurrencyIsAMismatch_inTheWalletsOwnNotEnoughMoney() {
        Map<String, Object> body = new HashMap<>(Catalog.product(unique("EURO"), "Euro lamp", 4_000, null, "Stoa"));
        body.put("currency", "EUR");
        String euroLamp = new Catalog(api).create(vendor, body);
        assertThat(api.put("/api/v1/products/" + euroLamp + "/inventory", Map.of("onHand", 3), vendor).status()).isEqualTo(204);
        String[] buyer = customer();
        String token = buyer[1];
        address(buyer[0], token, "DE", null);
        add(token, euroLamp, 1);
        Api.Response euros = checkout(token, wallet(), UUID.randomUUID().toString());
        assertThat(euros.status()).as(euros.toString()).isEqualTo(422);
        assertThat(euros.code()).isEqualTo("currency_mismatch");
        assertThat(euros.body().get("detail").asText()).isEqualTo("the wallet keeps USD, not EUR");
        levels(inventory(euroLamp), 3, 0, 3);

        String[] other = customer();
        String dollars = other[1];
        address(other[0], dollars, "US", "CA");
        add(dollars, product("Lamp", 4_000, null, 3), 1);
        Api.Response broke = checkout(dollars, wallet(), UUID.randomUUID().toString());
        assertThat(broke.code()).as(broke.toString()).isEqualTo("insufficient_funds");
    }

    /**
     * The wallet held enough when the checkout asked it, and no longer when the debit came (another purchase took it
     * meanwhile): the order placed is cancelled, and its mail says the wallet could not pay. It spoke of a card ("its card
     * payment could not be started") before 2026-12-07 evening (walkthrough Z30).
     */
    @Test
    void aWalletDrainedBetweenTheCheckAndTheDebit_cancelsTheOrder_andItsMailSpeaksOfTheWallet() throws InterruptedException {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String token = buyer[1];
        address(buyer[0], token, "US", "CA");
        java.util.concurrent.atomic.AtomicBoolean drained = new java.util.concurrent.atomic.AtomicBoolean();
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        var registration = bus.registerDispatchInterceptor(messages -> (i, message) -> {
            if (message.getPayload() instanceof dev.stoa.api.wallet.DebitWallet debit && debit.userId().value().equals(buyer[0])
                    && drained.compareAndSet(false, true)) // another purchase takes 95.00 of the 100.00 first
                commands.sendAndWait(new dev.stoa.api.wallet.DebitWallet(debit.userId(), OrderId.random(), 9_500, "USD"));
            return message;
        });
        Api.Response refused;
        try {
            refused = checkout(token, wallet(), UUID.randomUUID().toString());
        } finally {
            registration.cancel();
        }
        assertThat(drained).isTrue();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("insufficient_funds");
        String number = refused.body().get("orderNumber").asText();
        String email = api.get("/api/v1/users/me", token).body().get("email").asText();
        String text = new dev.stoa.app.support.Mailbox(api).await(email, "was cancelled").get("text").asText();
        assertThat(text).contains(number, "your wallet could not pay for it, and nothing was taken from it")
                .doesNotContain("card", "payment_failed");
        assertThat(balance(token)).isEqualTo(500);
    }

    @Test
    void notEnoughMoney_422AndTheStockAndCouponAreReleasedAndTheCartKept() {
        String lamp = product("Lamp", 4_000, null, 3);
        String code = unique("ONCE").toUpperCase();
        api.post("/api/v1/admin/coupons", Map.of("code", code, "amountOffCents", 500, "currency", "USD", "maxRedemptions", 1), admin);
        String[] buyer = customer();
        String token = buyer[1];
        fund(List.of(token), 1_000);
        add(token, lamp, 1);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), token).status()).isBetween(200, 204);

        Api.Response refused = checkout(token, wallet(), UUID.randomUUID().toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("insufficient_funds");
        levels(inventory(lamp), 3, 0, 3);
        assertThat(balance(token)).isEqualTo(1_000);
        JsonNode cart = api.get("/api/v1/cart", token).body();
        assertThat(cart.get("items")).hasSize(1);
        assertThat(cart.get("couponCode").asText()).as("the coupon back on the cart").isEqualTo(code);
        // the wallet was asked before the order was placed: no cancelled order (nor its mail) is left behind
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", token).body().get("total").asLong()).isZero();
        // nor before the coupon was redeemed: its last use was never held for a checkout that could not pay (it was
        // redeemed and given back before 2026-12-07, and another buyer's checkout meanwhile was refused
        // coupon_exhausted; walkthrough Z23)
        JsonNode history = api.get("/api/v1/audit/coupon/coupon-" + code + "/history", admin).body();
        assertThat(history.findValuesAsText("type")).as(history.toString()).contains("CouponCreated")
                .doesNotContain("CouponRedeemed", "CouponRedemptionReleased");

        // the coupon's only redemption was given back: another buyer can use it
        String[] other = customer();
        fund(List.of(other[1]), 10_000);
        add(other[1], lamp, 1);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), other[1]).status()).isBetween(200, 204);
        Api.Response paid = checkout(other[1], wallet(), UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body().get("discountCents").asLong()).isEqualTo(500);
        assertThat(balance(other[1])).isEqualTo(10_000 - 3_500);
    }

    @Test
    void anExhaustedCouponAtCheckout_409AndNothingStaysReserved() {
        String pen = product("Pen", 1_000, null, 10);
        String code = unique("ONE").toUpperCase();
        api.post("/api/v1/admin/coupons", Map.of("code", code, "percentOff", 50, "currency", "USD", "maxRedemptions", 1), admin);
        String first = tokenFor("customer");
        String second = tokenFor("customer");
        fund(List.of(first, second), 5_000);
        for (String token : List.of(first, second)) {
            add(token, pen, 1);
            assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), token).status()).isBetween(200, 204);
        }
        assertThat(checkout(first, wallet(), null).status()).isEqualTo(201);
        Api.Response late = checkout(second, wallet(), null);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("coupon_exhausted");
        levels(inventory(pen), 9, 0, 9);
        assertThat(balance(second)).isEqualTo(5_000);
    }

    /**
     * The vendor reads the buyer's name, address and notes only while the order is paid and going out: not while it
     * waits for its card, nor once it is cancelled before anything of theirs shipped. Before 2026-12-07 an order never
     * paid kept them in the vendor's list for good (walkthrough Z37).
     */
    @Test
    void theVendorReadsTheBuyersAddressOnlyWhileTheOrderIsPaidAndGoingOut() {
        String lamp = product("Desk lamp", 2_000, 500, 5);
        String[] buyer = customer();
        String addressId = address(buyer[0], buyer[1], "US", "CA");
        add(buyer[1], lamp, 1);
        Api.Response placed = checkout(buyer[1], Map.of("paymentMethod", "card", "shippingAddressId", addressId,
                "notes", "ring twice"), null);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        JsonNode unpaid = api.get("/api/v1/orders/" + orderId, vendor).body();
        assertThat(unpaid.get("status").asText()).isEqualTo("pending");
        assertThat(unpaid.path("shippingAddress").isNull() || unpaid.path("shippingAddress").isMissingNode()).as(unpaid.toString()).isTrue();
        assertThat(unpaid.path("notes").isNull() || unpaid.path("notes").isMissingNode()).isTrue();
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().at("/shippingAddress/city").asText())
                .as("the buyer's own view keeps it").isEqualTo("San Francisco");
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"), buyer[1]).status())
                .isEqualTo(204);
        JsonNode cancelled = api.get("/api/v1/orders/" + orderId, vendor).body();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("shippingAddress").isNull() || cancelled.path("shippingAddress").isMissingNode()).as(cancelled.toString()).isTrue();
        assertThat(cancelled.path("notes").isNull() || cancelled.path("notes").isMissingNode()).isTrue();

        // paid, it is the vendor's to ship: name, address and notes; cancelled before it left, no more
        fund(List.of(buyer[1]), 5_000);
        add(buyer[1], lamp, 1);
        String paid = checkout(buyer[1], Map.of("paymentMethod", "wallet", "shippingAddressId", addressId, "notes",
                "ring twice"), null).body().get("orderId").asText();
        JsonNode toShip = api.get("/api/v1/orders/" + paid, vendor).body();
        assertThat(toShip.at("/shippingAddress/recipientName").asText()).as(toShip.toString()).isNotEmpty();
        assertThat(toShip.get("notes").asText()).isEqualTo("ring twice");
        assertThat(api.post("/api/v1/orders/" + paid + "/cancel", Map.of("reason", "changed my mind"), buyer[1]).status())
                .isEqualTo(204);
        JsonNode gone = api.get("/api/v1/orders/" + paid, vendor).body();
        assertThat(gone.path("shippingAddress").isNull() || gone.path("shippingAddress").isMissingNode()).as(gone.toString()).isTrue();
        assertThat(gone.path("notes").isNull() || gone.path("notes").isMissingNode()).isTrue();
    }

    /**
     * A checkout refused once it had taken the cart (a line's stock gone meanwhile) puts the lines back in their order,
     * the order the checkout prices them in, so the discount's leftover cents fall on the same lines as before: the
     * read model listed the lines put back by item id before 2026-12-07 (walkthrough Z39).
     */
    @Test
    void aCheckoutRefusedAfterTakingTheCart_putsItsLinesBackInTheirOrder() {
        String[] buyer = customer();
        address(buyer[0], buyer[1], "US", "CA");
        fund(List.of(buyer[1]), 50_000);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 6; i++) products.add(product("Item " + i, 1_001 + i, 100, 5));
        for (String product : products) add(buyer[1], product, 2);
        assertThat(api.get("/api/v1/cart", buyer[1]).body().get("items").findValuesAsText("itemId"))
                .containsExactlyElementsOf(products);
        assertThat(api.put("/api/v1/products/" + products.get(3) + "/inventory", Map.of("onHand", 1), vendor).status())
                .isEqualTo(204);
        Api.Response refused = checkout(buyer[1], wallet(), null);
        assertThat(refused.code()).as(refused.toString()).isEqualTo("insufficient_stock");
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().get("items").size() == 6, Duration.ofSeconds(20),
                "the lines put back");
        assertThat(api.get("/api/v1/cart", buyer[1]).body().get("items").findValuesAsText("itemId"))
                .containsExactlyElementsOf(products);
    }

    @Test
    void refusalsBeforeAnythingIsReserved() {
        String token = tokenFor("customer");
        Api.Response empty = checkout(token, wallet(), null);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.code()).isEqualTo("cart_empty");
        // a checkout of it under way may have taken its lines (said only when the race was lost later; walkthrough Z27)
        assertThat(empty.body().get("detail").asText()).contains("another checkout of it is under way", "read it again");

        String kettle = product("Kettle", 3_000, 1_200, 2);
        add(token, kettle, 1);
        Api.Response card = checkout(token, Map.of("paymentMethod", "card"), null); // a card order needs an address too
        assertThat(card.status()).as(card.toString()).isEqualTo(422);
        assertThat(card.code()).isEqualTo("shipping_address_required");
        Api.Response bad = checkout(token, Map.of("paymentMethod", "cash"), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        Api.Response noAddress = checkout(token, wallet(), null);
        assertThat(noAddress.status()).as(noAddress.toString()).isEqualTo(422);
        assertThat(noAddress.code()).isEqualTo("shipping_address_required");

        String[] owner = customer();
        String othersAddress = address(owner[0], owner[1], "US", "NY");
        Api.Response foreign = checkout(token, Map.of("paymentMethod", "wallet", "shippingAddressId", othersAddress), null);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        levels(inventory(kettle), 2, 0, 2);
        assertThat(api.post("/api/v1/orders", wallet(), null).status()).isEqualTo(401);
    }

    /**
     * A cancellation's answer covers what it gives back: the next read shows the wallet refunded and the units back.
     * Before, the order's saga gave them back after the answer, and a read right after it often showed the old balance
     * and stock (a walkthrough saw it in 6 of 15 tries; this test awaited the saga). Five orders, each read at once.
     */
    @Test
    void cancellingAPaidOrderRefundsTheWalletAndPutsTheUnitsBack_inTheNextRead() {
        String chair = product("Chair", 2_500, null, 4);
        String[] buyer = customer();
        String token = buyer[1];
        fund(List.of(token), 10_000);
        for (int i = 0; i < 5; i++) {
            add(token, chair, 2);
            Api.Response placed = checkout(token, wallet(), null);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            String orderId = placed.body().get("orderId").asText();
            levels(inventory(chair), 2, 0, 2); // no weight: nothing ships, the units left at payment
            assertThat(balance(token)).isEqualTo(5_000);

            Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "found a better chair"), token);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
            assertThat(balance(token)).as("order %d: the wallet refunded in the next read", i).isEqualTo(10_000);
            levels(inventory(chair), 4, 0, 4);
            JsonNode refund = api.get("/api/v1/wallet", token).body().get("entries").get(0);
            assertThat(refund.get("type").asText()).isEqualTo("refund");
            assertThat(refund.get("amountCents").asLong()).isEqualTo(5_000);
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Wallet' and payload_type like "
                + "'%WalletRefunded' and aggregate_identifier = ?", Long.class, "wallet-" + buyer[0]))
                .as("each refunded once, though the request and the saga both sent it").isEqualTo(5);
    }

    /**
     * The debit gets no answer (a timeout, a lost connection to Axon Server: what the gateway reports as a failure without
     * a problem): it may still land, so the order is not cancelled, as it was before (its saga ended with the
     * cancellation and the late debit stayed taken for nothing). The buyer gets 503; the order waits, pending, and when
     * the debit lands its saga confirms it.
     */
    @Test
    void aDebitWithoutAnswer_leavesTheOrderPending_andTheDebitThatLandsLaterConfirmsIt() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String token = buyer[1];
        java.util.concurrent.atomic.AtomicReference<dev.stoa.api.wallet.DebitWallet> unanswered = new java.util.concurrent.atomic.AtomicReference<>();
        Api.Response placed = checkoutWithUnansweredDebit(buyer, null, unanswered);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(503);
        assertThat(unanswered.get()).isNotNull();
        OrderId order = unanswered.get().orderId();
        Await.until(() -> api.get("/api/v1/orders/" + order, token).status() == 200, Duration.ofSeconds(20), "the order is read");
        assertThat(api.get("/api/v1/orders/" + order, token).body().get("status").asText()).as("not cancelled").isEqualTo("pending");
        levels(inventory(lamp), 5, 1, 4);

        commands.sendAndWait(unanswered.get()); // the debit lands after all
        Await.until(() -> "confirmed".equals(api.get("/api/v1/orders/" + order, token).body().path("status").asText()),
                Duration.ofSeconds(20), "the saga confirms the order on its debit");
        assertThat(balance(token)).isEqualTo(10_000 - 3_000);
        Await.until(() -> inventory(lamp).get("onHand").asInt() == 4, Duration.ofSeconds(20), "the lamp's unit committed");
        levels(inventory(lamp), 4, 0, 4);
    }

    /**
     * A wallet checkout of the buyer's cart whose debit gets no answer (a timeout, a lost connection to Axon Server: what
     * the gateway reports as a failure without a problem); the debit is kept in {@code unanswered}, not handled.
     */
    private Api.Response checkoutWithUnansweredDebit(String[] buyer, String key,
                                                     java.util.concurrent.atomic.AtomicReference<dev.stoa.api.wallet.DebitWallet> unanswered) {
        return checkoutIntercepted(buyer[1], key, (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof dev.stoa.api.wallet.DebitWallet debit
                    && debit.userId().value().equals(buyer[0]) && unanswered.compareAndSet(null, debit))
                throw noAnswer("the debit's answer did not come");
            return chain.proceed();
        });
    }

    /** Checks the cart out by wallet with {@code interceptor} on the command bus's handlers while the request runs. */
    private Api.Response checkoutIntercepted(String token, String key,
            org.axonframework.messaging.MessageHandlerInterceptor<org.axonframework.commandhandling.CommandMessage<?>> interceptor) {
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        var registration = ((org.axonframework.messaging.MessageHandlerInterceptorSupport<org.axonframework.commandhandling.CommandMessage<?>>) bus)
                .registerHandlerInterceptor(interceptor);
        try {
            return checkout(token, wallet(), key);
        } finally {
            registration.cancel();
        }
    }

    /** What the gateway reports when a command's answer does not come (a timeout, a lost connection): no problem in it. */
    private static org.axonframework.commandhandling.CommandExecutionException noAnswer(String what) {
        return new org.axonframework.commandhandling.CommandExecutionException("no answer in time",
                new java.util.concurrent.TimeoutException(what));
    }

    /**
     * The client retries, with the same Idempotency-Key, a checkout that answered 503 (its debit got no answer). The
     * idempotency store keeps no 5xx, so the retry runs again: it finds the order the first attempt placed (its id comes
     * from the key), debits the wallet (once: the wallet debits an order once) and confirms it. Before, the retry
     * answered 422 cart_empty (the order had taken the cart), and the client never learnt of the order.
     */
    @Test
    void aRetryOfACheckoutThatGot503_finishesTheSameOrder_andTheWalletIsDebitedOnce() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String token = buyer[1], key = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicReference<dev.stoa.api.wallet.DebitWallet> unanswered = new java.util.concurrent.atomic.AtomicReference<>();
        Api.Response first = checkoutWithUnansweredDebit(buyer, key, unanswered);
        assertThat(first.status()).as(first.toString()).isEqualTo(503);
        OrderId order = unanswered.get().orderId();

        Api.Response retry = checkout(token, wallet(), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body().get("orderId").asText()).as("the order of the first attempt").isEqualTo(order.value());
        assertThat(retry.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(retry.body().get("totalCents").asLong()).isEqualTo(3_000);
        assertThat(retry.body().at("/payment/status").asText()).isEqualTo("captured");
        assertThat(balance(token)).isEqualTo(10_000 - 3_000);
        Api.Response again = checkout(token, wallet(), key);
        assertThat(again.header("Idempotent-Replayed")).as("the 201 is remembered").isEqualTo("true");
        assertThat(again.body().get("orderId").asText()).isEqualTo(order.value());

        commands.sendAndWait(unanswered.get()); // the first attempt's debit lands after all: the order is paid already
        assertThat(balance(token)).isEqualTo(10_000 - 3_000);
        Await.until(() -> inventory(lamp).get("onHand").asInt() == 4, Duration.ofSeconds(20), "the lamp's unit committed");
        levels(inventory(lamp), 4, 0, 4);
        JsonNode orders = api.get("/api/v1/users/" + buyer[0] + "/orders", token).body();
        assertThat(orders.get("total").asLong()).as("one order").isEqualTo(1);
        // another key is another checkout: the cart is empty now
        Api.Response other = checkout(token, wallet(), UUID.randomUUID().toString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("cart_empty");
    }

    /**
     * A keyed checkout whose second reservation gets no answer answers 503, after it gave its order id up and gave back
     * what it took. The retry with the same key places the order, under the key's next id. Before, the retry used the
     * same id again, whose first reservation had been released, and was refused at every try (409
     * {@code invalid_transition}).
     */
    @Test
    void aRetryOfACheckoutThatGot503BeforeItsOrderWasPlaced_placesTheOrder() {
        String lamp = product("Lamp", 3_000, null, 5), pen = product("Pen", 500, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        add(buyer[1], pen, 2);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Api.Response first = checkoutIntercepted(buyer[1], key, (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ReserveStock reserve && reserve.productId().value().equals(pen)
                    && fired.compareAndSet(false, true)) throw noAnswer("the pen's reservation");
            return chain.proceed();
        });
        assertThat(first.status()).as(first.toString()).isEqualTo(503);
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().get("items").size() == 2, Duration.ofSeconds(10), "the cart back");
        Await.until(() -> inventory(lamp).get("reserved").asInt() == 0, Duration.ofSeconds(10), "the lamp released");
        levels(inventory(lamp), 5, 0, 5);

        Api.Response retry = checkout(buyer[1], wallet(), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(retry.body().get("totalCents").asLong()).isEqualTo(3_000 + 2 * 500);
        assertThat(balance(buyer[1])).isEqualTo(10_000 - 4_000);
        Await.until(() -> inventory(pen).get("onHand").asInt() == 3, Duration.ofSeconds(20), "the pens committed");
        levels(inventory(lamp), 4, 0, 4);
        levels(inventory(pen), 3, 0, 3);
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", buyer[1]).body().get("total").asLong()).isEqualTo(1);
        Api.Response again = checkout(buyer[1], wallet(), key);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().get("orderId").asText()).isEqualTo(retry.body().get("orderId").asText());
    }

    /**
     * A keyed checkout whose request dies before its order is placed (from its PlaceOrder on, no command of that order
     * gets an answer: nothing is undone, the cart stays taken and the lamp reserved). The retry with the same key undoes
     * what the first attempt left, at once, and places the order. Before, it answered 422 {@code cart_empty} until the
     * recovery put the cart back, minutes later.
     */
    @Test
    void aRetryOfACheckoutWhoseRequestDiedBeforeItsOrder_undoesWhatItLeftAndPlacesTheOrder() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicReference<OrderId> dying = new java.util.concurrent.atomic.AtomicReference<>();
        Api.Response first = checkoutIntercepted(buyer[1], key, (unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof dev.stoa.api.ordering.PlaceOrder place && place.buyer().value().equals(buyer[0]))
                dying.compareAndSet(null, place.orderId());
            if (dying.get() != null && dying.get().equals(orderOf(payload))) throw noAnswer("the connection is gone");
            return chain.proceed();
        });
        assertThat(first.status()).as(first.toString()).isEqualTo(503);
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().get("items").isEmpty(), Duration.ofSeconds(10),
                "the cart taken by the first attempt");
        Await.until(() -> inventory(lamp).get("reserved").asInt() == 1, Duration.ofSeconds(10), "the lamp reserved");
        levels(inventory(lamp), 5, 1, 4);

        Api.Response retry = checkout(buyer[1], wallet(), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(retry.body().get("totalCents").asLong()).isEqualTo(3_000);
        assertThat(balance(buyer[1])).isEqualTo(10_000 - 3_000);
        Await.until(() -> inventory(lamp).get("onHand").asInt() == 4, Duration.ofSeconds(20), "the lamp committed");
        levels(inventory(lamp), 4, 0, 4);
        assertThat(api.get("/api/v1/orders/" + dying.get(), buyer[1]).status()).as("the first attempt's id is no order").isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", buyer[1]).body().get("total").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from checkout_attempt where buyer_id = ?", Long.class, buyer[0])).isZero();
    }

    /**
     * A checkout still running when the recovery takes it for dead (it has run longer than
     * {@code stoa.checkout.recovery-after}; here the recovery runs just before its PlaceOrder is handled). The recovery
     * gives the order id up before it releases the stock, so the order cannot be placed on the released units: the
     * buyer gets 409 {@code concurrent_modification}, the cart back and the money kept. Before, the recovery saw no
     * order yet and released the lamp, and the order was then placed, paid and confirmed on stock it no longer held.
     */
    @Test
    void theRecoveryOfACheckoutStillRunning_givesItsOrderIdUp_soNoOrderIsPlacedOnReleasedStock() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Api.Response slow = checkoutIntercepted(buyer[1], null, (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof dev.stoa.api.ordering.PlaceOrder place
                    && place.buyer().value().equals(buyer[0]) && fired.compareAndSet(false, true))
                java.util.concurrent.CompletableFuture.runAsync(() -> { // another process's recovery, in its own transactions
                    jdbc.update("update checkout_attempt set started_at = now() - interval '1 hour' where order_id = ?",
                            place.orderId().value());
                    context.getBean("checkoutAttempts", PeriodicTask.class).runOnce();
                }).join();
            return chain.proceed();
        });
        assertThat(fired).isTrue();
        assertThat(slow.status()).as(slow.toString()).isEqualTo(409);
        assertThat(slow.code()).isEqualTo("concurrent_modification");
        assertThat(balance(buyer[1])).isEqualTo(10_000);
        Await.until(() -> inventory(lamp).get("reserved").asInt() == 0, Duration.ofSeconds(20), "nothing stays reserved");
        levels(inventory(lamp), 5, 0, 5);
        JsonNode cart = api.get("/api/v1/cart", buyer[1]).body().get("items");
        assertThat(cart).as("the cart back").hasSize(1);
        assertThat(cart.get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", buyer[1]).body().get("total").asLong()).isZero();

        Api.Response again = checkout(buyer[1], wallet(), UUID.randomUUID().toString());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(balance(buyer[1])).isEqualTo(10_000 - 3_000);
    }

    /**
     * The coupon's redemption lands but its answer is lost (a timeout): the checkout gives the redemption back with the
     * rest, as it does the cart and the stock. Before, it gave back only what had answered: the coupon stayed counted
     * for an order that never was, and the buyer's next checkout with it was refused (409 coupon_exhausted, one use
     * per buyer).
     */
    @Test
    void aCouponRedemptionWhoseAnswerIsLost_isGivenBack_andTheBuyerCanStillUseTheCoupon() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String code = unique("ONCE").toUpperCase();
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "amountOffCents", 500, "currency", "USD",
                "maxRedemptionsPerUser", 1), admin).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]).status()).isBetween(200, 204);
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        var registration = bus.registerDispatchInterceptor(messages -> (i, message) -> {
            if (message.getPayload() instanceof dev.stoa.api.cart.RedeemCoupon redeem
                    && redeem.userId().value().equals(buyer[0]) && lost.compareAndSet(false, true)) {
                commands.sendAndWait(redeem); // it lands...
                throw noAnswer("... and its answer is lost");
            }
            return message;
        });
        Api.Response first;
        try {
            first = checkout(buyer[1], wallet(), UUID.randomUUID().toString());
        } finally {
            registration.cancel();
        }
        assertThat(lost).isTrue();
        assertThat(first.status()).as(first.toString()).isGreaterThanOrEqualTo(500);
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().get("items").size() == 1, Duration.ofSeconds(10), "the cart back");

        Api.Response again = checkout(buyer[1], wallet(), UUID.randomUUID().toString());
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.body().get("totalCents").asLong()).as("with the coupon's 5.00 off").isEqualTo(2_500);
        assertThat(balance(buyer[1])).isEqualTo(10_000 - 2_500);
    }

    /**
     * A paid order's coupon use comes back once nothing of the order is left: cancelled after its payment, or refunded
     * whole, shipped or not (its goods come back by a return). Before 2026-12-06 (seventh session) only an unpaid
     * order's came back: a buyer with a one-use coupon whose paid order was cancelled, or refunded whole, could never
     * use it again (409 coupon_exhausted). Both answers cover the release: the coupon applies at once.
     */
    @Test
    void aPaidOrdersCouponUse_comesBackWhenItIsCancelled_andWhenItIsRefundedWholeAfterShipping() {
        String kettle = product("Kettle", 3_000, 800, 5);
        String[] buyer = readyToOrder(kettle);
        String code = unique("ONCE").toUpperCase();
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "amountOffCents", 500, "currency", "USD",
                "maxRedemptionsPerUser", 1), admin).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]).status()).isBetween(200, 204);
        Api.Response first = checkout(buyer[1], wallet(), UUID.randomUUID().toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.body().get("discountCents").asLong()).isEqualTo(500);
        add(buyer[1], kettle, 1);
        Api.Response usedUp = api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]);
        assertThat(usedUp.code()).as(usedUp.toString()).isEqualTo("coupon_exhausted");

        String firstOrder = first.body().get("orderId").asText();
        Api.Response cancelled = api.post("/api/v1/orders/" + firstOrder + "/cancel", Map.of("reason", "vendor gone"), admin);
        assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
        Api.Response applies = api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]);
        assertThat(applies.status()).as("after the cancellation: " + applies).isBetween(200, 204);
        Api.Response second = checkout(buyer[1], wallet(), UUID.randomUUID().toString());
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.body().get("discountCents").asLong()).as("with the coupon's 5.00 off").isEqualTo(500);
        assertThat(balance(buyer[1])).isEqualTo(10_000 - second.body().get("totalCents").asLong());

        String secondOrder = second.body().get("orderId").asText();
        Api.Response shipped = api.put("/api/v1/orders/" + secondOrder + "/status",
                Map.of("status", "shipped", "trackingNumber", "TRK-1"), vendor);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(204);
        Api.Response asked = api.post("/api/v1/refunds", Map.of("orderId", secondOrder, "reason", "broken"), buyer[1]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        Api.Response approved = api.post("/api/v1/refunds/" + asked.body().get("refundId").asText() + "/approve", Map.of(), admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("totalCents").asLong()).isEqualTo(second.body().get("totalCents").asLong());
        assertThat(api.get("/api/v1/orders/" + secondOrder, buyer[1]).body().get("status").asText())
                .as("its parcel comes back by a return").isEqualTo("shipped");
        add(buyer[1], kettle, 1);
        Api.Response again = api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]);
        assertThat(again.status()).as("after the whole refund: " + again).isBetween(200, 204);
        Await.until(() -> balance(buyer[1]) == 10_000, Duration.ofSeconds(20), "the refund in the wallet");
    }

    /** The order a command of the checkout's is for; null for others. */
    private static OrderId orderOf(Object command) {
        return switch (command) {
            case dev.stoa.api.ordering.PlaceOrder c -> c.orderId();
            case dev.stoa.api.ordering.AbandonCheckout c -> c.orderId();
            case dev.stoa.api.inventory.ReleaseStockReservation c -> c.orderId();
            case dev.stoa.api.cart.UndoCartCheckout c -> c.orderId();
            default -> null;
        };
    }

    /** A retry finishes nothing for an account suspended since its first attempt: its pending order is not paid. */
    @Test
    void aRetryAfterTheBuyerWasSuspended_paysNothing() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicReference<dev.stoa.api.wallet.DebitWallet> unanswered = new java.util.concurrent.atomic.AtomicReference<>();
        assertThat(checkoutWithUnansweredDebit(buyer, key, unanswered).status()).isEqualTo(503);
        assertThat(api.post("/api/v1/admin/users/" + buyer[0] + "/suspend", Map.of("reason", "chargebacks"), admin).status()).isEqualTo(204);

        Api.Response retry = checkout(buyer[1], wallet(), key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(403);
        assertThat(retry.code()).isEqualTo("account_suspended");
        assertThat(balance(buyer[1])).isEqualTo(10_000);
        String order = "/api/v1/orders/" + unanswered.get().orderId();
        Await.until(() -> api.get(order, admin).status() == 200, Duration.ofSeconds(20), "the order is read");
        assertThat(api.get(order, admin).body().get("status").asText()).as("not paid by the retry").isEqualTo("pending");
    }

    /**
     * The order is cancelled after the wallet's debit and before the debit confirmed it (here: by the platform, as the
     * buyer's deactivation cancels pending orders, at the moment the confirmation is sent). The confirmation is refused,
     * and the debit must come back: OrderFulfilment ended with the cancellation and never sees it. Before, the buyer
     * got 409 and kept paying for an order that does not exist.
     */
    @Test
    void anOrderCancelledBetweenItsDebitAndItsConfirmation_the409BuyerGetsTheDebitBack() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String token = buyer[1];
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Api.Response placed = checkoutCancelledAt(token, fired, payload ->
                payload instanceof dev.stoa.api.ordering.ConfirmOrder confirm && confirmedOrderOf(confirm, buyer[0]) ? confirm.orderId() : null);
        assertThat(fired).isTrue();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(409);
        assertThat(placed.code()).isEqualTo("invalid_transition");
        // the debit came back in the request (the saga ended with the cancellation and never sees it); a refused
        // request's answer does not wait for the wallet's read model, so the read may be a moment behind
        Await.until(() -> balance(token) == 10_000, Duration.ofSeconds(20), "the debit back");
        List<Long> refunds = new java.util.ArrayList<>();
        api.get("/api/v1/wallet", token).body().get("entries")
                .forEach(e -> { if ("refund".equals(e.get("type").asText())) refunds.add(e.get("amountCents").asLong()); });
        assertThat(refunds).as("once").hasSize(1);
        Await.until(() -> inventory(lamp).get("reserved").asInt() == 0, Duration.ofSeconds(20), "nothing stays reserved");
        levels(inventory(lamp), 5, 0, 5);
    }

    /** A registered customer with 100.00 in the wallet and one unit of {@code productId} in the cart; id and token. */
    private String[] fundedBuyerWith(String productId) {
        String[] buyer = customer();
        fund(List.of(buyer[1]), 10_000);
        add(buyer[1], productId, 1);
        return buyer;
    }

    /**
     * Checks the cart out by wallet, and cancels the order (as the platform does for a deactivated buyer) at the moment
     * a command {@code orderOf} names an order for is sent; {@code fired} tells whether it did.
     */
    private Api.Response checkoutCancelledAt(String token, java.util.concurrent.atomic.AtomicBoolean fired,
                                             java.util.function.Function<Object, OrderId> orderOf) {
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        // before each such command is handled, not only the first: the saga's confirmation (on the debit) and the
        // checkout's race, and the platform cancels only an order still pending (a repeat changes nothing)
        var registration = bus.registerDispatchInterceptor(messages -> (i, message) -> {
            OrderId order = orderOf.apply(message.getPayload());
            if (order != null) {
                fired.set(true);
                commands.sendAndWait(new dev.stoa.api.ordering.CancelOrder(order, "user_deactivated", dev.stoa.api.platform.Actor.system()));
            }
            return message;
        });
        try {
            return checkout(token, wallet(), null);
        } finally {
            registration.cancel();
        }
    }

    /** Whether the confirmation is of an order of this buyer's (read from the order's events). */
    private boolean confirmedOrderOf(dev.stoa.api.ordering.ConfirmOrder confirm, String buyerId) {
        return eventStore.readEvents(confirm.orderId().value()).asStream().map(m -> m.getPayload())
                .anyMatch(p -> p instanceof dev.stoa.api.ordering.OrderPlaced placed && placed.buyer().value().equals(buyerId));
    }

    /**
     * The order is cancelled after it was placed and before the wallet's debit (the buyer, an admin, the buyer's
     * deactivation; here at the moment the debit is sent): the wallet takes nothing for a cancelled order, so no money
     * moves at all. Before, the debit went through, and had the checkout died before its confirmation was refused,
     * nobody would have given it back (the saga ended with the cancellation).
     */
    @Test
    void anOrderCancelledBeforeItsDebit_isNotDebited_the409BuyerKeepsTheMoney() {
        String lamp = product("Lamp", 3_000, null, 5);
        String[] buyer = fundedBuyerWith(lamp);
        String token = buyer[1];
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Api.Response placed = checkoutCancelledAt(token, fired, payload ->
                payload instanceof dev.stoa.api.wallet.DebitWallet debit && debit.userId().value().equals(buyer[0]) ? debit.orderId() : null);
        assertThat(fired).isTrue();
        assertThat(placed.status()).as(placed.toString()).isEqualTo(409);
        assertThat(placed.code()).isEqualTo("invalid_transition");
        assertThat(balance(token)).isEqualTo(10_000);
        assertThat(api.get("/api/v1/wallet", token).body().get("entries").findValuesAsText("type"))
                .as("never debited, so nothing to refund").doesNotContain("debit", "refund");
        Await.until(() -> inventory(lamp).get("reserved").asInt() == 0, Duration.ofSeconds(20), "nothing stays reserved");
        levels(inventory(lamp), 5, 0, 5);
    }
}
