package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/audit/orders and /stock ?asOf=: the read models as they stood then, rebuilt from the log. */
class ReadModelAsOfIT extends ApiTest {
    @Autowired CommandGateway gateway;

    /** A moment strictly after everything written so far and before anything written next. */
    private static Instant now() throws InterruptedException {
        Thread.sleep(5);
        Instant at = Instant.now();
        Thread.sleep(5);
        return at;
    }

    private JsonNode orderAsOf(String orderId, Instant asOf, String token) {
        for (int offset = 0; ; offset += 100) {
            Api.Response page = api.get("/api/v1/audit/orders?asOf=" + asOf + "&limit=100&offset=" + offset, token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(Instant.parse(page.body().get("asOf").asText())).as("the instant it stood at, echoed").isEqualTo(asOf);
            for (JsonNode order : page.body().get("items")) if (order.get("id").asText().equals(orderId)) return order;
            if (page.body().get("items").size() < 100) return null;
        }
    }

    @Test
    void anOrderPlacedPaidAndCancelledReadsAsItStoodAtEachStep() throws Exception {
        String admin = tokenFor("admin");
        String auditor = tokenFor("auditor");
        UserId buyer = UserId.random();
        gateway.sendAndWait(new RegisterUser(buyer, unique("asof") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv", "Ada",
                "Lovelace", null, Set.of("customer"), true));
        OrderLine line = new OrderLine(OrderLine.PRODUCT, UUID.randomUUID().toString(), UserId.random(), "Teapot",
                "SKU-TEAPOT", 3_333, 2, 6_666, true);
        OrderId id = OrderId.random();
        Instant beforePlacement = now();
        gateway.sendAndWait(new PlaceOrder(id, buyer, List.of(line), new OrderAmounts(6_666, 500, 616, 499, 7_281, "USD"),
                null, new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", null, "SW1Y 4JH", "GB"),
                PlaceOrder.WALLET, null));
        Instant placed = now();
        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        Instant paid = now();
        String buyerToken = tokenAs(buyer.value(), "customer");
        Api.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "changed my mind"), buyerToken);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(204);
        Instant cancelled = now();

        assertThat(orderAsOf(id.value(), beforePlacement, auditor)).isNull();
        JsonNode pending = orderAsOf(id.value(), placed, auditor);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("totalCents").asLong()).isEqualTo(7_281);
        assertThat(pending.get("subtotalCents").asLong()).isEqualTo(6_666);
        assertThat(pending.get("discountCents").asLong()).isEqualTo(500);
        assertThat(pending.get("taxCents").asLong()).isEqualTo(616);
        assertThat(pending.get("shippingCents").asLong()).isEqualTo(499);
        assertThat(pending.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(6_666);
        assertThat(pending.get("history")).hasSize(1);
        JsonNode confirmed = orderAsOf(id.value(), paid, admin);
        assertThat(confirmed.get("status").asText()).isEqualTo("confirmed");
        assertThat(confirmed.get("totalCents").asLong()).isEqualTo(7_281);
        assertThat(confirmed.get("history")).hasSize(2);
        JsonNode gone = orderAsOf(id.value(), cancelled, auditor);
        assertThat(gone.get("status").asText()).isEqualTo("cancelled");
        assertThat(gone.get("history")).hasSize(3);
        // the same shape as the live list
        Api.Response live = api.get("/api/v1/orders?limit=100", admin);
        JsonNode liveOrder = null;
        for (JsonNode o : live.body().get("items")) if (o.get("id").asText().equals(id.value())) liveOrder = o;
        assertThat(liveOrder).isNotNull();
        List<String> liveFields = new java.util.ArrayList<>();
        liveOrder.fieldNames().forEachRemaining(liveFields::add);
        List<String> asOfFields = new java.util.ArrayList<>();
        gone.fieldNames().forEachRemaining(asOfFields::add);
        assertThat(asOfFields).isEqualTo(liveFields);
    }

    @Test
    void stockAsOfBeforeAndAfterAPurchase() throws Exception {
        String admin = tokenFor("admin");
        String auditor = tokenFor("auditor");
        String vendor = tokenAs(UUID.randomUUID().toString(), "vendor");
        String product = new Catalog(api).create(vendor, Catalog.product(unique("STOCK"), "Stock Jar", 1_500, null, "Stoa"));
        assertThat(api.put("/api/v1/products/" + product + "/inventory", Map.of("onHand", 5), vendor).status()).isEqualTo(204);
        UserId buyer = UserId.random();
        gateway.sendAndWait(new RegisterUser(buyer, unique("stock") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv", "Ada",
                "Lovelace", null, Set.of("customer"), true));
        String token = tokenAs(buyer.value(), "customer");
        Api.Response vouchers = api.post("/api/v1/admin/vouchers", Map.of("amountCents", 10_000, "currency", "USD", "count", 1,
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()), admin);
        assertThat(vouchers.status()).as(vouchers.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/wallet/redeem", Map.of("code", vouchers.body().get("codes").get(0).asText()), token).status())
                .isEqualTo(200);
        Await.until(() -> api.get("/api/v1/products/" + product + "/inventory").body().path("onHand").asInt() == 5,
                Duration.ofSeconds(20), "the stock is in");
        Api.Response address = api.post("/api/v1/users/" + buyer.value() + "/addresses", Map.of("label", "home", "streetLine1",
                "1 Market St", "city", "San Francisco", "state", "CA", "postalCode", "94105", "countryCode", "US", "isDefault", true), token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        Instant beforePurchase = now();
        Api.Response added = api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", product, "quantity", 2), token);
        assertThat(added.status()).as(added.toString()).isBetween(200, 204);
        Api.Response placed = api.post("/api/v1/orders", new HashMap<>(Map.of("paymentMethod", "wallet")), token);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        // paid, not shipped: the two jars are still on hand, reserved for the order
        Await.until(() -> api.get("/api/v1/products/" + product + "/inventory").body().path("reserved").asInt() == 2,
                Duration.ofSeconds(20), "the purchase is reserved");
        Instant afterPurchase = now();

        assertThat(stockAsOf(product, beforePurchase, auditor)).isEqualTo(List.of(5, 0, 5));
        assertThat(stockAsOf(product, afterPurchase, admin)).isEqualTo(List.of(5, 2, 3));
        assertThat(stockAsOf(product, Instant.parse("2001-01-01T00:00:00Z"), auditor)).isNull();
    }

    private List<Integer> stockAsOf(String product, Instant asOf, String token) {
        for (int offset = 0; ; offset += 100) {
            Api.Response page = api.get("/api/v1/audit/stock?asOf=" + asOf + "&limit=100&offset=" + offset, token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(Instant.parse(page.body().get("asOf").asText())).as("the instant it stood at, echoed").isEqualTo(asOf);
            for (JsonNode s : page.body().get("items"))
                if (s.get("productId").asText().equals(product))
                    return List.of(s.get("onHand").asInt(), s.get("reserved").asInt(), s.get("available").asInt());
            if (page.body().get("items").size() < 100) return null;
        }
    }

    @Test
    void customersMayNotReadAndABadInstantIs400() {
        assertThat(api.get("/api/v1/audit/orders?asOf=2026-01-01T00:00:00Z", tokenFor("customer")).status()).isEqualTo(403);
        for (String read : List.of("orders?asOf=2026-01-01T00:00:00Z&statuss=pending", "stock?asOf=2026-01-01T00:00:00Z&bogus=1")) {
            Api.Response misspelled = api.get("/api/v1/audit/" + read, tokenFor("auditor"));
            assertThat(misspelled.status()).as("ignored, it answered as if unfiltered: " + misspelled).isEqualTo(400);
            assertThat(misspelled.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get("/api/v1/audit/stock?asOf=2026-01-01T00:00:00Z", tokenFor("customer")).status()).isEqualTo(403);
        Api.Response bad = api.get("/api/v1/audit/orders?asOf=yesterday", tokenFor("auditor"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/audit/stock", tokenFor("auditor")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/stock?asOf=", tokenFor("auditor")).code()).isEqualTo("validation_failed");
        // an instant to come: 400 (answered as the read model stands now, before 2026-12-07; walkthrough Z20)
        for (String read : List.of("orders", "stock")) {
            Api.Response future = api.get("/api/v1/audit/" + read + "?asOf=2030-01-01T00:00:00Z", tokenFor("auditor"));
            assertThat(future.status()).as(future.toString()).isEqualTo(400);
            assertThat(future.body().get("detail").asText()).contains("in the future");
        }
    }

    @Test
    void anInstantWithAnOffsetIsTakenAsTheAggregateStateTakesIt() {
        Instant later = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS); // not to come: that is 400
        String withOffset = later.atOffset(ZoneOffset.ofHours(2)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        for (String asOf : List.of(withOffset, withOffset.replace("+", "%2B"))) { // '+' unencoded arrives as a space
            Api.Response stock = api.get("/api/v1/audit/stock?asOf=" + asOf + "&limit=1", tokenFor("auditor"));
            assertThat(stock.status()).as("%s: %s", asOf, stock).isEqualTo(200);
            assertThat(stock.body().get("asOf").asText()).isEqualTo(later.toString());
            assertThat(api.get("/api/v1/audit/orders?asOf=" + asOf + "&limit=1", tokenFor("auditor")).status())
                    .isEqualTo(200);
        }
    }
}
