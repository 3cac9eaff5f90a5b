package dev.stoa.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.env.Environment;
import dev.stoa.app.support.StoreScan;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.identity.EraseUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customer refund requests through HTTP: a wallet-paid order refunded line by line gives the wallet back its total to the
 * cent; a card-paid one is refunded through its payment; the window, ownership and decisions that happen once.
 */
class RefundRequestsIT extends ApiTest {
    private static final Instant IN_A_MONTH = Instant.now().plus(Duration.ofDays(30));
    @Autowired CommandGateway commands;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;
    @Autowired EventStore events;
    @Autowired org.axonframework.config.EventProcessingConfiguration processing;
    private String admin;
    private String support;
    private String vendor;

    @BeforeEach
    void setUp() {
        admin = tokenFor("admin");
        support = tokenFor("support");
        vendor = tokenFor("vendor");
    }

    /** A registered customer with an address: id, token, e-mail. */
    private String[] customer() {
        UserId id = UserId.random();
        String email = unique("refund") + "@example.org";
        commands.sendAndWait(new RegisterUser(id, email, "$2a$10$abcdefghijklmnopqrstuv",
                "Re", "Fund", null, Set.of("customer"), true));
        String token = tokenAs(id.value(), "customer");
        Api.Response address = api.post("/api/v1/users/" + id.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Market St", "city", "New York", "state", "NY", "postalCode", "10001", "countryCode", "US",
                "isDefault", true), token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        return new String[] {id.value(), token, email};
    }

    private String product(long priceCents, int stock) { return product(vendor, priceCents, stock); }

    private String product(String vendor, long priceCents, int stock) {
        Map<String, Object> body = new HashMap<>(Catalog.product(unique("RF"), "Refundable " + unique("p"), priceCents, null, "Stoa"));
        body.put("weightGrams", 400);
        String id = new Catalog(api).create(vendor, body);
        assertThat(api.put("/api/v1/products/" + id + "/inventory", Map.of("onHand", stock), vendor).status()).isEqualTo(204);
        return id;
    }

    private void fund(String token, long cents) {
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", cents, "currency", "USD", "count", 1,
                "expiresAt", IN_A_MONTH.toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().get("codes").get(0).asText()), token);
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
    }

    private long balance(String token) { return api.get("/api/v1/wallet", token).body().get("balanceCents").asLong(); }

    /** The amounts of the wallet's refund entries. */
    private List<Long> walletRefunds(String token) {
        List<Long> refunds = new ArrayList<>();
        api.get("/api/v1/wallet", token).body().get("entries")
                .forEach(e -> { if ("refund".equals(e.get("type").asText())) refunds.add(e.get("amountCents").asLong()); });
        return refunds;
    }

    /** A wallet-paid order of 3 × lamp and 1 × pen with a 5.00 coupon; answers its checkout body once it is confirmed. */
    private JsonNode walletOrder(String token, String lamp, String pen) {
        String code = unique("FIVE").toUpperCase();
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "amountOffCents", 500, "currency", "USD"), admin).status())
                .isEqualTo(201);
        for (Map<String, Object> item : List.<Map<String, Object>>of(Map.of("itemType", "product", "itemId", lamp, "quantity", 3),
                Map.of("itemType", "product", "itemId", pen, "quantity", 1)))
            assertThat(api.post("/api/v1/cart/items", item, token).status()).isBetween(200, 204);
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), token).status()).isBetween(200, 204);
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        Await.until(() -> "confirmed".equals(api.get("/api/v1/orders/" + orderId, token).body().path("status").asText()),
                Duration.ofSeconds(20), "order " + orderId + " is confirmed");
        return placed.body();
    }

    private Api.Response request(String token, String orderId, List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>(Map.of("orderId", orderId, "reason", "arrived scratched"));
        if (items != null) body.put("items", items);
        return api.post("/api/v1/refunds", body, token);
    }

    /** A digital product of the vendor's (no weight), 10 on hand. */
    private String ebook() {
        Map<String, Object> body = new HashMap<>(Catalog.product(unique("EB"), "E-book " + unique("p"), 1_500, null, "Stoa"));
        body.put("weightGrams", null);
        String ebook = new Catalog(api).create(vendor, body);
        assertThat(api.put("/api/v1/products/" + ebook + "/inventory", Map.of("onHand", 10), vendor).status()).isEqualTo(204);
        return ebook;
    }

    /** The buyer's wallet checkout of {@code quantity} of each product; answers the placed order (201). */
    private Api.Response walletOrder(String buyer, int quantity, String... products) {
        for (String item : products)
            assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", item, "quantity", quantity),
                    buyer).status()).isBetween(200, 204);
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), buyer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed;
    }

    /** The vendor ships the whole order (every line is theirs). */
    private void ship(String orderId) {
        Api.Response shipped = api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "shipped", "trackingNumber", "TRK-1"), vendor);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(204);
    }

    private Api.Response approve(String refundId, String token) {
        return api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), token);
    }

    @Test
    void walletOrder_refundedLineByLine_walletGetsTheTotalBackToTheCent() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        JsonNode order = walletOrder(buyer[1], lamp, pen);
        String orderId = order.get("orderId").asText();
        long subtotal = order.get("subtotalCents").asLong(), discount = order.get("discountCents").asLong();
        long tax = order.get("taxCents").asLong(), shipping = order.get("shippingCents").asLong(), total = order.get("totalCents").asLong();
        assertThat(subtotal).isEqualTo(6_333);
        assertThat(discount).isEqualTo(500);
        assertThat(tax).as("NY taxes this order").isPositive();
        assertThat(balance(buyer[1])).isEqualTo(20_000 - total);

        // one lamp: a third of the lamp line's discount share (500 × 6000/6333 → 474 with the leftover cent) and tax share
        Api.Response first = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 1)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith(first.body().get("refundId").asText());
        Api.Response open = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", pen, "quantity", 1)));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.code()).isEqualTo("refund_request_open");
        Api.Response tooMany = approve(first.body().get("refundId").asText(), buyer[1]);
        assertThat(tooMany.status()).as("a customer does not decide").isEqualTo(403);

        Api.Response approved = approve(first.body().get("refundId").asText(), support);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode a = approved.body();
        long lampDiscount = 500L * 6_000 / 6_333 + (500L * 6_000 % 6_333 >= 500L * 333 % 6_333 ? 1 : 0);
        long lampTax = taxShare(tax, 6_000 - lampDiscount, 333 - (500 - lampDiscount));
        assertThat(a.get("itemsCents").asLong()).isEqualTo(2_000);
        assertThat(a.get("discountCents").asLong()).isEqualTo(lampDiscount / 3);
        assertThat(a.get("taxCents").asLong()).isEqualTo(lampTax / 3);
        assertThat(a.get("shippingCents").asLong()).isZero();
        long firstAmount = 2_000 - lampDiscount / 3 + lampTax / 3;
        assertThat(a.get("totalCents").asLong()).isEqualTo(firstAmount);
        // the answer says what the read says next: paid back, refunded (it said approved before 2026-12-07, sixth
        // session; walkthrough Z26)
        assertThat(a.get("status").asText()).isEqualTo("refunded");
        // read at once: the approval's answer covers the wallet's refund (it was paid after it, by refund-process)
        assertThat(balance(buyer[1])).as("the first refund is in the wallet").isEqualTo(20_000 - total + firstAmount);
        assertThat(api.get("/api/v1/refunds/" + first.body().get("refundId").asText(), buyer[1]).body().get("status").asText())
                .isEqualTo("refunded");
        JsonNode mail = new dev.stoa.app.support.Mailbox(api).await(buyer[2], "Refund of");
        assertThat(mail.toString()).contains(String.format(java.util.Locale.ROOT, "%d.%02d USD", firstAmount / 100, firstAmount % 100));
        assertThat(mail.get("text").asText()).contains("we approved your refund request").doesNotContain("Why:");
        assertThat(approve(first.body().get("refundId").asText(), admin).code()).as("approve twice").isEqualTo("invalid_transition");

        Api.Response tooMuch = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 3)));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("refund_exceeds_remaining");

        // the rest (no items: whatever is left), with the shipping: together exactly the order's total
        Api.Response rest = request(buyer[1], orderId, null);
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(rest.body().get("items")).as("the units asked for, named (the answer said null)")
                .extracting(i -> i.get("itemId").asText() + "x" + i.get("quantity").asInt())
                .containsExactlyInAnyOrder(lamp + "x2", pen + "x1");
        JsonNode b = approve(rest.body().get("refundId").asText(), admin).body();
        assertThat(b.get("shippingCents").asLong()).isEqualTo(shipping);
        assertThat(firstAmount + b.get("totalCents").asLong()).isEqualTo(total);
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the wallet holds all it had again");
        assertThat(walletRefunds(buyer[1])).containsExactlyInAnyOrder(firstAmount, total - firstAmount);
        // nothing had shipped, and refunds took every unit back: the order is over (cancelled), nothing is left to ask for
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("cancelled");
        Api.Response nothingLeft = request(buyer[1], orderId, null);
        assertThat(nothingLeft.status()).isEqualTo(422);
        assertThat(nothingLeft.code()).isEqualTo("refund_not_eligible");

        // the order's refunds as the buyer and staff read them; nobody else sees them
        Await.until(() -> api.get("/api/v1/refunds?orderId=" + orderId + "&status=refunded", buyer[1]).body().path("total").asLong() == 2,
                Duration.ofSeconds(20), "both requests listed as refunded");
        JsonNode mine = api.get("/api/v1/refunds?orderId=" + orderId, buyer[1]).body().get("items");
        assertThat(mine.get(1).get("totalCents").asLong()).isEqualTo(firstAmount);
        assertThat(mine.get(1).get("returnOpened").asBoolean()).as("the lamps had not shipped: no return").isFalse();
        assertThat(mine.get(1).at("/lines/0/quantity").asInt()).isEqualTo(1);
        assertThat(mine.get(0).get("totalCents").asLong()).isEqualTo(total - firstAmount);
        String firstId = first.body().get("refundId").asText();
        JsonNode one = api.get("/api/v1/refunds/" + firstId, support).body();
        assertThat(one.get("status").asText()).isEqualTo("refunded");
        assertThat(one.get("paymentMethod").asText()).isEqualTo("wallet");
        assertThat(one.get("attempts").asInt()).as("approved, refunded at the first try").isEqualTo(1);
        assertThat(api.get("/api/v1/refunds/" + firstId, customer()[1]).status()).as("another customer").isEqualTo(404);
        assertThat(api.get("/api/v1/refunds?orderId=" + orderId, customer()[1]).body().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/refunds?status=bogus", admin).status()).isEqualTo(400);
    }

    private static long taxShare(long tax, long lampTaxable, long penTaxable) {
        long sum = lampTaxable + penTaxable;
        long share = tax * lampTaxable / sum;
        long given = share + tax * penTaxable / sum;
        if (given < tax && tax * lampTaxable % sum >= tax * penTaxable % sum) share++;
        return share;
    }

    /**
     * A wallet order refunded in part on request, then cancelled before it ships: the cancellation gives back the rest
     * of the debit, so the wallet holds all it had again, to the cent.
     */
    @Test
    void walletOrder_partlyRefunded_thenCancelled_theWalletGetsTheRestBack() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        JsonNode order = walletOrder(buyer[1], lamp, pen);
        String orderId = order.get("orderId").asText();
        long total = order.get("totalCents").asLong();
        // the payment id the checkout answered can be read, by the buyer and staff (it was 400: not a UUID)
        String paymentId = order.at("/payment/paymentId").asText();
        assertThat(paymentId).isEqualTo("wallet-" + orderId);
        assertWalletPayment(paymentId, buyer[1], "captured", total, 0);
        assertThat(api.get("/api/v1/payments/" + paymentId, customer()[1]).status()).as("another's").isEqualTo(404);
        assertThat(api.get("/api/v1/payments/free-" + orderId, buyer[1]).status()).as("not free").isEqualTo(404);
        assertThat(api.get("/api/v1/payments/wallet-" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        // a card payment's operations name the way for a wallet debit (they were 400: not a UUID)
        Api.Response direct = api.post("/api/v1/payments/" + paymentId + "/refund", Map.of("amountCents", 100,
                "reason", "goodwill"), admin);
        assertThat(direct.status()).as(direct.toString()).isEqualTo(409);
        assertThat(direct.code()).isEqualTo("invalid_transition");
        assertThat(direct.body().get("detail").asText()).contains("refund request", "POST /api/v1/refunds");
        Map<String, String> visa = Map.of("paymentMethod", "pm_card_visa");
        Api.Response confirm = api.post("/api/v1/payments/" + paymentId + "/sandbox/confirm", visa, buyer[1]);
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(409);
        assertThat(confirm.code()).isEqualTo("invalid_transition");
        assertThat(api.post("/api/v1/payments/" + paymentId + "/sandbox/confirm", visa, customer()[1]).status())
                .as("another's").isEqualTo(404);
        assertThat(api.post("/api/v1/payments/" + paymentId + "/sandbox/confirm", visa, admin).status())
                .as("the buyer's only, as a card payment's").isEqualTo(404);
        assertThat(api.post("/api/v1/payments/free-" + orderId + "/refund", Map.of("amountCents", 100, "reason", "x"), admin)
                .status()).as("not free").isEqualTo(404);
        Api.Response garbage = api.post("/api/v1/payments/not-an-id/refund", Map.of("amountCents", 100, "reason", "x"), admin);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/payments/wallet-not-an-id/refund", Map.of("amountCents", 100, "reason", "x"), admin)
                .status()).as("as its GET answers").isEqualTo(400);
        for (String id : List.of("wallet-not-an-id", "free-not-an-id")) {
            Api.Response read = api.get("/api/v1/payments/" + id, admin);
            assertThat(read.status()).as(read.toString()).isEqualTo(400);
            assertThat(read.body().at("/errors/0/field").asText()).as("the id the client sent (it read orderId)")
                    .isEqualTo("paymentId");
        }
        Api.Response asked = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", pen, "quantity", 1)));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        long part = approve(asked.body().get("refundId").asText(), support).body().get("totalCents").asLong();
        assertThat(part).isPositive().isLessThan(total);
        Await.until(() -> balance(buyer[1]) == 20_000 - total + part, Duration.ofSeconds(20), "the pen's refund is in the wallet");
        assertWalletPayment(paymentId, support, "partially_refunded", total, part);

        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "too slow"), buyer[1]);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the rest of the debit is back in the wallet");
        assertThat(walletRefunds(buyer[1])).containsExactlyInAnyOrder(part, total - part);
        assertWalletPayment(paymentId, buyer[1], "refunded", total, total);
        // and its mail names what comes back, not the whole payment
        String text = new dev.stoa.app.support.Mailbox(api).await(buyer[2], "was cancelled").get("text").asText();
        assertThat(text).contains("The rest of your payment, " + dollars(total - part) + ", goes back to your Stoa wallet ("
                + dollars(part) + " was refunded before).").doesNotContain("Your payment of");
    }

    private void assertWalletPayment(String paymentId, String token, String status, long amountCents, long refundedCents) {
        Api.Response payment = api.get("/api/v1/payments/" + paymentId, token);
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        assertThat(payment.body().get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(payment.body().get("method").asText()).isEqualTo("wallet");
        assertThat(payment.body().get("status").asText()).as(payment.toString()).isEqualTo(status);
        assertThat(payment.body().get("amountCents").asLong()).isEqualTo(amountCents);
        assertThat(payment.body().get("refundedCents").asLong()).isEqualTo(refundedCents);
        assertThat(payment.body().get("currency").asText()).isEqualTo("USD");
        // asked in capitals, it answers its canonical id (it echoed the capitals before 2026-12-07; walkthrough)
        Api.Response upper = api.get("/api/v1/payments/wallet-" + paymentId.substring("wallet-".length()).toUpperCase(), token);
        assertThat(upper.status()).as(upper.toString()).isEqualTo(200);
        assertThat(upper.body().get("paymentId").asText()).isEqualTo(paymentId);
    }

    private static String dollars(long cents) { return String.format(java.util.Locale.ROOT, "%d.%02d USD", cents / 100, cents % 100); }

    /** A funded buyer's wallet order (20,000 in the wallet), and their refund request of two of its three lamps. */
    private record TwoLampsAsked(String[] buyer, String orderId, long total, String refundId) {}

    private TwoLampsAsked twoLampsAsked() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        JsonNode order = walletOrder(buyer[1], lamp, pen);
        String orderId = order.get("orderId").asText();
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 2)))
                .body().get("refundId").asText();
        return new TwoLampsAsked(buyer, orderId, order.get("totalCents").asLong(), refundId);
    }

    /**
     * A refund request approved and its order cancelled at once: whichever the wallet sees first, the order's debit comes
     * back once, whole, never more; the request ends refunded (it came first) or closed (the cancellation gave back
     * everything first, its share included), never left approved, and never failed (as it was before 2026-12-06, fourth
     * session, when the cancellation came first: staff were then asked to retry a refund the buyer had been paid).
     */
    @Test
    void approvalAndCancellationAtOnce_theDebitComesBackOnce_andTheRequestIsSettled() throws Exception {
        TwoLampsAsked asked = twoLampsAsked();
        String[] buyer = asked.buyer();
        String orderId = asked.orderId(), refundId = asked.refundId();
        long total = asked.total();
        List<Api.Response> both = dev.stoa.app.support.Race.of(List.of(
                () -> approve(refundId, support),
                () -> api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"), buyer[1])));
        assertThat(both.get(1).status()).as(both.get(1).toString()).isEqualTo(204);
        Api.Response approval = both.get(0);
        if (approval.status() == 409) { // the cancellation came first: nothing left to approve
            assertThat(approval.code()).isEqualTo("invalid_transition");
            Await.until(() -> "closed".equals(api.get("/api/v1/refunds/" + refundId, support).body().path("status").asText()),
                    Duration.ofSeconds(20), "the open request is closed by the cancellation");
        } else {
            assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
            Await.until(() -> List.of("refunded", "closed", "failed").contains(api.get("/api/v1/refunds/" + refundId, support)
                    .body().path("status").asText()), Duration.ofSeconds(20), "the approved request is settled");
            JsonNode settled = api.get("/api/v1/refunds/" + refundId, support).body();
            assertThat(settled.get("status").asText()).as(settled.toString()).isIn("refunded", "closed");
            assertThat(settled.get("decidedBy").asText()).as("the approval's decision stays").isNotEmpty();
        }
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the debit is back in the wallet");
        assertThat(walletRefunds(buyer[1]).stream().mapToLong(Long::longValue).sum()).as("the refunds add up to the debit, once")
                .isEqualTo(total);
    }

    /**
     * Approved (its request died before it paid the wallet), and the order cancelled before the refund process paid
     * it: the cancellation gives back the whole debit,
     * the request's share included, and the request ends closed, its approval kept, with nothing for staff to retry.
     * Before (2026-12-06, fourth session) it ended failed: the wallet refused its refund as more than was left.
     */
    @Test
    void anApprovedRequestWhoseOrderIsCancelledBeforeItsRefund_isClosed_paidByTheCancellation() {
        TwoLampsAsked asked = twoLampsAsked();
        String[] buyer = asked.buyer();
        String orderId = asked.orderId(), refundId = asked.refundId();
        long total = asked.total();
        var refunds = processing.eventProcessor("refund-process", org.axonframework.eventhandling.StreamingEventProcessor.class)
                .orElseThrow();
        refunds.shutDown(); // the approval's refund waits: the cancellation comes first
        try {
            // an approval whose request died right after it (the request pays a wallet's refund itself): the command alone
            commands.sendAndWait(new dev.stoa.api.payment.ApproveRefund(new dev.stoa.api.ordering.OrderId(orderId),
                    new dev.stoa.api.payment.RefundRequestId(refundId),
                    new dev.stoa.api.platform.Actor(UUID.randomUUID().toString(), Set.of("support"))));
            Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"), buyer[1]);
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
            // (awaited: with a processor of the write stopped, its answer does not wait for the read models)
            Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the cancellation gives back the whole debit");
        } finally {
            refunds.start();
        }
        Await.until(() -> !"approved".equals(api.get("/api/v1/refunds/" + refundId, support).body().path("status").asText()),
                Duration.ofSeconds(20), "the refund process settles the request");
        JsonNode settled = api.get("/api/v1/refunds/" + refundId, support).body();
        assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("closed");
        assertThat(settled.get("decidedBy").asText()).as("the approval's decision stays").isNotEmpty();
        // and says why it paid nothing itself (it read closed with no reason before 2026-12-07; walkthrough Z35)
        assertThat(settled.get("decisionReason").asText()).contains("given back with the rest of the order", "cancellation");
        assertThat(settled.get("failureReason").isNull()).isTrue();
        Api.Response retry = api.post("/api/v1/refunds/" + refundId + "/retry", Map.of(), admin);
        assertThat(retry.status()).as("nothing to retry").isEqualTo(409);
        assertThat(balance(buyer[1])).isEqualTo(20_000);
        assertThat(walletRefunds(buyer[1])).as("one refund: the cancellation's, of the whole debit").containsExactly(total);
    }

    /**
     * A request still open when an admin cancels the order: the cancellation refunds the whole debit, and the request is
     * closed, undecided; it left neither the staff's queue nor could be decided (it stayed requested until rejected).
     */
    @Test
    void anOpenRequestWhoseOrderIsCancelled_isClosed_leavesTheQueue_andTheDebitComesBackOnce() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        JsonNode order = walletOrder(buyer[1], lamp, pen);
        String orderId = order.get("orderId").asText();
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", pen, "quantity", 1)))
                .body().get("refundId").asText();
        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "out of stock"), admin);
        assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
        Await.until(() -> "closed".equals(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("status").asText()),
                Duration.ofSeconds(20), "the open request is closed by the cancellation");
        JsonNode closed = api.get("/api/v1/refunds/" + refundId, support).body();
        assertThat(closed.get("decidedAt").isNull()).as(closed.toString()).isFalse();
        assertThat(closed.get("decidedBy").isNull()).as("decided by nobody").isTrue();
        assertThat(closed.get("decisionReason").asText()).as("says why").contains("order was cancelled");
        assertThat(closed.get("totalCents").isNull()).as("nothing refunded by the request").isTrue();
        Api.Response queue = api.get("/api/v1/refunds?status=requested&orderId=" + orderId, support);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().get("items")).as("out of the staff's queue").isEmpty();
        assertThat(api.get("/api/v1/refunds?status=closed&orderId=" + orderId, support).body().get("items")).hasSize(1);
        for (Api.Response decision : List.of(approve(refundId, support),
                api.post("/api/v1/refunds/" + refundId + "/reject", Map.of("reason", "late"), support))) {
            assertThat(decision.status()).as(decision.toString()).isEqualTo(409);
            assertThat(decision.code()).isEqualTo("invalid_transition");
        }
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the debit is back in the wallet");
        assertThat(walletRefunds(buyer[1])).as("once, whole, by the cancellation").containsExactly(order.get("totalCents").asLong());
    }

    @Test
    void anotherUsersOrder_isNotFound_andAnUnknownRefundToo() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        String[] other = customer();
        Api.Response r = request(other[1], orderId, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("not_found");
        assertThat(approve(UUID.randomUUID().toString(), admin).status()).isEqualTo(404);
        Api.Response bad = api.post("/api/v1/refunds", Map.of("orderId", orderId), buyer[1]);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        // no item named is no request for everything (it was 201, and the request then held every unit)
        Api.Response none = api.post("/api/v1/refunds", Map.of("orderId", orderId, "reason", "none", "items", List.of()),
                buyer[1]);
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("validation_failed");
        assertThat(none.body().at("/errors/0/field").asText()).isEqualTo("items");
    }

    @Test
    void rejected_thenNoMoney_andApprovingItIsAConflict_andTheBuyerIsTold() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        long before = balance(buyer[1]);
        String refundId = request(buyer[1], orderId, null).body().get("refundId").asText();
        JsonNode asked = api.get("/api/v1/refunds/" + refundId, buyer[1]).body();
        assertThat(asked.get("status").asText()).isEqualTo("requested");
        assertThat(asked.get("paymentMethod").asText()).as("where the refund would go, before a decision (it read null)")
                .isEqualTo("wallet");
        assertThat(asked.get("attempts").asInt()).as("no refund tried yet (it read 1)").isZero();
        Api.Response rejected = api.post("/api/v1/refunds/" + refundId + "/reject", Map.of("reason", "used"), support);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.body().get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.body().get("refundId").asText()).isEqualTo(refundId);
        assertThat(rejected.body().get("orderId").asText()).isEqualTo(orderId);
        assertThat(rejected.body().has("totalCents")).as("nothing is paid: no amounts, not zeros").isFalse();
        assertThat(rejected.body().has("lines")).isFalse();
        assertThat(rejected.raw()).as("the reason is not echoed").doesNotContain("used");
        Api.Response approved = approve(refundId, admin);
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.code()).isEqualTo("invalid_transition");
        assertThat(balance(buyer[1])).isEqualTo(before);
        assertThat(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().get("attempts").asInt())
                .as("rejected: never tried").isZero();
        // the buyer is told, with staff's reason (nobody told them before 2026-12-06, seventh session)
        JsonNode declined = new dev.stoa.app.support.Mailbox(api).await(buyer[2], "was declined");
        assertThat(declined.get("subject").asText()).contains(api.get("/api/v1/orders/" + orderId, buyer[1]).body()
                .get("orderNumber").asText());
        assertThat(declined.get("text").asText()).contains("Why: used.", "nothing was refunded");
    }

    @Test
    void theReasonsArePersonalData_readableToTheBuyer_goneEverywhereOnceErased() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        String words = "my neighbour Zebulon " + UUID.randomUUID() + " dropped it";
        String staffWords = "Zebulon's lamp shows use " + UUID.randomUUID();
        Api.Response asked = api.post("/api/v1/refunds", Map.of("orderId", orderId, "reason", words), buyer[1]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String refundId = asked.body().get("refundId").asText();
        assertThat(api.post("/api/v1/refunds/" + refundId + "/reject", Map.of("reason", staffWords), support).status()).isEqualTo(200);
        JsonNode shown = api.get("/api/v1/refunds/" + refundId, buyer[1]).body();
        assertThat(shown.get("reason").asText()).isEqualTo(words);
        assertThat(shown.get("decisionReason").asText()).isEqualTo(staffWords);
        // the buyer's export holds the request and its reasons (it held the orders and the wallet only)
        JsonNode export = api.get("/api/v1/users/me/export", buyer[1]).body();
        assertThat(export.get("refundRequests")).as(export.toString()).hasSize(1);
        assertThat(export.at("/refundRequests/0/refundId").asText()).isEqualTo(refundId);
        assertThat(export.at("/refundRequests/0/reason").asText()).isEqualTo(words);
        assertThat(export.get("payments")).as("paid from the wallet: no card payment").isEmpty();
        StoreScan store = new StoreScan(jdbc, environment.getProperty("spring.elasticsearch.uris"));
        assertThat(store.find(words)).as("the probe sees the reason before erasure").isNotEmpty();

        commands.sendAndWait(new EraseUser(new UserId(buyer[0]), new Actor(buyer[0], Set.of("customer"))));

        Await.until(() -> PersonalData.ERASED.equals(api.get("/api/v1/refunds/" + refundId, admin).body().get("reason").asText()),
                Duration.ofSeconds(20), "the erased buyer's reason reads [erased]");
        JsonNode after = api.get("/api/v1/refunds/" + refundId, admin).body();
        assertThat(after.get("decisionReason").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(after.get("status").asText()).isEqualTo("rejected");
        assertThat(store.find(words)).as("where the buyer's words rest in clear after erasure").isEmpty();
        assertThat(store.find(staffWords)).as("where the staff's words rest in clear after erasure").isEmpty();
    }

    @Test
    void concurrentApprovals_refundOnce() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        JsonNode order = walletOrder(buyer[1], lamp, pen);
        String refundId = request(buyer[1], order.get("orderId").asText(), null).body().get("refundId").asText();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) answers.add(pool.submit(() -> { start.await(); return approve(refundId, admin); }));
        start.countDown();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (Future<Api.Response> f : answers) statuses.add(f.get().status());
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the order's total is back");
        Thread.sleep(1_000);
        assertThat(balance(buyer[1])).isEqualTo(20_000);
    }

    @Test
    void paidLongerAgoThanTheWindow_refused() {
        String[] buyer = customer();
        OrderId orderId = OrderId.random();
        OrderLine line = new OrderLine(OrderLine.PRODUCT, UUID.randomUUID().toString(), UserId.random(), "Old lamp", "OLD-1",
                1_000, 1, 1_000, false);
        commands.sendAndWait(new PlaceOrder(orderId, new UserId(buyer[0]), List.of(line),
                new OrderAmounts(1_000, 0, 0, 0, 1_000, "USD"), null, null, PlaceOrder.WALLET, null));
        // the clock moved: the order was paid 15 days ago (its confirmation stored with that time)
        Instant paid = Instant.now().minus(Duration.ofDays(15));
        events.publish(new GenericDomainEventMessage<>("Order", orderId.value(), 1, new OrderConfirmed(orderId, "ORD-OLD",
                new UserId(buyer[0]), PlaceOrder.WALLET, "wallet-old", 1_000, "USD"), org.axonframework.messaging.MetaData.emptyInstance(),
                UUID.randomUUID().toString(), paid));
        Api.Response r = request(buyer[1], orderId.value(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("refund_window_closed");
    }

    // card refund requests run on the Stripe adapter against a local Stripe server: StripeRefundsIT

    private Api.Response received(String refundId, String productId, int quantity, String token) {
        return api.post("/api/v1/refunds/" + refundId + "/return-received",
                Map.of("items", List.of(Map.of("itemId", productId, "quantity", quantity))), token);
    }

    private int onHand(String productId) {
        return api.get("/api/v1/products/" + productId + "/inventory").body().get("onHand").asInt();
    }

    /** The product's onHand, reserved and available. */
    private List<Integer> stock(String productId) {
        JsonNode levels = api.get("/api/v1/products/" + productId + "/inventory").body();
        return List.of(levels.get("onHand").asInt(), levels.get("reserved").asInt(), levels.get("available").asInt());
    }

    private void awaitStock(String productId, int onHand, int reserved, int available, String what) {
        Await.until(() -> stock(productId).equals(List.of(onHand, reserved, available)), Duration.ofSeconds(20), what);
    }

    @Test
    void unitsRefundedBeforeTheyShip_leaveTheShipment_availableAgainAtOnce_andACancellationDoesNotGiveThemBackTwice() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        // paid, not shipped: the units are still in the warehouse, reserved for the order
        awaitStock(lamp, 10, 3, 7, "three lamps reserved");
        awaitStock(pen, 10, 1, 9, "the pen reserved");
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 1)))
                .body().get("refundId").asText();
        Api.Response approved = approve(refundId, support);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        // nothing had shipped: the lamp is taken out of the shipment and is for sale again now, with no return to wait for
        JsonNode seen = api.get("/api/v1/orders/" + orderId, vendor).body();
        assertThat(seen.at("/items/0/productId").asText()).isEqualTo(lamp);
        assertThat(seen.at("/items/0/quantity").asInt()).isEqualTo(3);
        assertThat(seen.at("/items/0/withdrawnQuantity").asInt()).as("the vendor ships two lamps, not three").isEqualTo(1);
        assertThat(seen.at("/items/1/withdrawnQuantity").asInt()).isZero();
        awaitStock(lamp, 10, 2, 8, "the refunded lamp is no longer reserved: it never left");
        Api.Response noReturn = received(refundId, lamp, 1, support);
        assertThat(noReturn.status()).as(noReturn.toString()).isEqualTo(409);
        assertThat(noReturn.code()).isEqualTo("invalid_transition");
        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("status").asText()),
                Duration.ofSeconds(20), "the refund is paid");
        assertThat(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().get("returnOpened").asBoolean()).isFalse();

        // an admin cancels the rest before it ships: two lamps and the pen are released, the refunded lamp not a second time
        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "the vendor closed"), admin);
        assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
        // the saga releases the lines in order, the lamp's before the pen's: once the pen is back, so is (all of) the lamp
        awaitStock(pen, 10, 0, 10, "the pen is released");
        assertThat(stock(lamp)).as("each lamp released once").containsExactly(10, 0, 10);
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the refund and the cancellation's rest add up to the total");
        assertThat(walletRefunds(buyer[1])).hasSize(2);
    }

    /**
     * The buyer asks for everything back before anything shipped: the order ends cancelled (before, it stayed confirmed
     * for good, with nothing to ship), its units are for sale again, and the money comes back once, by the request.
     */
    @Test
    void everyUnitRefundedBeforeAnyShips_theOrderIsCancelled_andTheMoneyComesBackOnce() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        awaitStock(pen, 10, 1, 9, "the pen reserved");
        String refundId = request(buyer[1], orderId, null).body().get("refundId").asText(); // every line, whole
        Api.Response approved = approve(refundId, support);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        JsonNode order = api.get("/api/v1/orders/" + orderId, buyer[1]).body();
        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("cancelled");
        assertThat(order.at("/history/" + (order.get("history").size() - 1) + "/status").asText()).isEqualTo("cancelled");
        assertThat(order.at("/items/0/withdrawnQuantity").asInt()).isEqualTo(3);
        assertThat(order.at("/items/1/withdrawnQuantity").asInt()).isEqualTo(1);
        Api.Response ship = api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "shipped", "trackingNumber", "TRK-1"), vendor);
        assertThat(ship.status()).as("nothing is left to ship").isEqualTo(409);
        assertThat(ship.code()).isEqualTo("invalid_transition");
        assertThat(ship.body().get("detail").asText()).as("the order is over, not only empty of the vendor's lines")
                .endsWith(" is cancelled");
        awaitStock(lamp, 10, 0, 10, "the lamps are for sale again");
        awaitStock(pen, 10, 0, 10, "the pen is for sale again");

        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("status").asText()),
                Duration.ofSeconds(20), "the refund is paid");
        Await.until(() -> balance(buyer[1]) == 20_000, Duration.ofSeconds(20), "the whole order's money is back");
        // a cancellation now changes nothing: no second refund of the rest
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "and cancel it"), buyer[1]).status())
                .isBetween(200, 204);
        assertThat(walletRefunds(buyer[1])).as("one refund, the request's").hasSize(1);
        assertThat(balance(buyer[1])).isEqualTo(20_000);
        // closed by the refunds, not cancelled: nothing was released or refunded for the order itself
        List<String> types = new ArrayList<>();
        events.readEvents(orderId).asStream().forEach(m -> types.add(m.getPayloadType().getSimpleName()));
        assertThat(types).contains("OrderClosedByRefunds").doesNotContain("OrderCancelled");
    }

    @Test
    void aLineRefundedWholeBeforeItShips_dropsOut_andTheOrderShipsWithoutIt() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        awaitStock(pen, 10, 1, 9, "the pen reserved");
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", pen, "quantity", 1)))
                .body().get("refundId").asText();
        assertThat(approve(refundId, admin).status()).isEqualTo(200);
        ship(orderId);
        JsonNode order = api.get("/api/v1/orders/" + orderId, buyer[1]).body();
        assertThat(order.get("status").asText()).as("the lamps were all it had left to ship").isEqualTo("shipped");
        assertThat(order.at("/items/0/trackingNumber").asText()).isEqualTo("TRK-1");
        assertThat(order.at("/items/1/withdrawnQuantity").asInt()).isEqualTo(1);
        assertThat(order.at("/items/1/trackingNumber").isNull()).as("the pen did not ship").isTrue();
        awaitStock(pen, 10, 0, 10, "the pen is for sale again: it never left");
        awaitStock(lamp, 7, 0, 7, "the three lamps left with the shipment");
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("delivered");
    }

    /**
     * A digital product (no weight) beside a lamp, after the lamp shipped and was delivered: its refund takes its unit
     * back at once, on hand and for sale, and opens no return. Before, it opened a return for a parcel that never came,
     * and the unit stayed off sale until someone recorded one.
     */
    @Test
    void aDigitalProductRefundedAfterTheRestShipped_isForSaleAgainAtOnce_andOpensNoReturn() {
        String lamp = product(2_000, 10);
        String ebook = ebook();
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        Api.Response placed = walletOrder(buyer[1], 1, lamp, ebook);
        String orderId = placed.body().get("orderId").asText();
        awaitStock(ebook, 9, 0, 9, "the e-book is the buyer's once paid");
        ship(orderId);
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("delivered");

        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", ebook, "quantity", 1)))
                .body().get("refundId").asText();
        Api.Response approved = approve(refundId, support);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().at("/items/1/withdrawnQuantity").asInt())
                .as("the e-book is taken back").isEqualTo(1);
        awaitStock(ebook, 10, 0, 10, "the refunded e-book is for sale again, with no return to wait for");
        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("status").asText()),
                Duration.ofSeconds(20), "the refund is paid");
        assertThat(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().get("returnOpened").asBoolean()).isFalse();
        Api.Response noReturn = received(refundId, ebook, 1, support);
        assertThat(noReturn.status()).as(noReturn.toString()).isEqualTo(409);
        assertThat(noReturn.code()).isEqualTo("invalid_transition");
        assertThat(stock(ebook)).containsExactly(10, 0, 10);
        assertThat(stock(lamp)).as("the lamp left and stays sold").containsExactly(9, 0, 9);
        long back = approved.body().get("totalCents").asLong();
        assertThat(back).as("the e-book's price and its tax, nothing of the lamp's").isGreaterThanOrEqualTo(1_500).isLessThan(2_000);
        assertThat(balance(buyer[1])).isEqualTo(20_000 - placed.body().get("totalCents").asLong() + back);
    }

    /**
     * A shipped order (its lamp left) cancelled by an admin gives back the whole payment, and its digital product's unit
     * with it, at once: it never ships, so nothing else would ever bring it back. Before 2026-12-06 (fifth session) the
     * buyer had all the money back and the unit stayed sold (found by a walkthrough).
     */
    @Test
    void aShippedOrderCancelledByAnAdmin_givesItsDigitalProductsUnitsBack() {
        String lamp = product(2_000, 10);
        String ebook = ebook();
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], 2, lamp, ebook).body().get("orderId").asText();
        awaitStock(ebook, 8, 0, 8, "the e-books are the buyer's once paid");
        ship(orderId);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("shipped");

        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "lost in transit"),
                tokenFor("admin"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        assertThat(stock(ebook)).as("the e-books back at once").containsExactly(10, 0, 10);
        assertThat(stock(lamp)).as("the lamps left with the parcel").containsExactly(8, 0, 8);
        assertThat(balance(buyer[1])).as("the whole payment back").isEqualTo(20_000);
    }

    /**
     * Two vendors: the lamps' ships and delivers them; the other's pen, the last line still out, is then refunded whole
     * before it ships. The order is delivered. Before, it became shipped and stayed so: nobody had anything left to deliver.
     */
    @Test
    void theLastLineOutRefundedWholeAfterTheOthersWereDelivered_theOrderIsDelivered() {
        String penVendor = tokenFor("vendor");
        String lamp = product(2_000, 10), pen = product(penVendor, 333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        ship(orderId); // the lamps: all the vendor has in it
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("confirmed");

        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", pen, "quantity", 1)))
                .body().get("refundId").asText();
        Api.Response approved = approve(refundId, admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode order = api.get("/api/v1/orders/" + orderId, buyer[1]).body();
        assertThat(order.get("status").asText()).as(order.toString()).isEqualTo("delivered");
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "shipped", "trackingNumber", "TRK-2"),
                penVendor).status()).as("the pen's vendor has nothing left to ship").isEqualTo(409);
    }

    /**
     * Every physical unit refunded before it shipped, an e-book left: the e-book ships as a digital order's does (no
     * tracking number), and the order is shipped. Before 2026-12-07 nothing was left to ship: 409 for its vendor and
     * for admins, and the order stayed confirmed for good (walkthrough Z9).
     */
    @Test
    void everyPhysicalUnitRefundedBeforeShipping_theDigitalLineLeftShips_andTheOrderIsShipped() {
        String lamp = product(2_000, 10), ebook = ebook();
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], 2, lamp, ebook).body().get("orderId").asText();
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 2)))
                .body().get("refundId").asText();
        Api.Response approved = approve(refundId, admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("confirmed");
        // the vendor's orders to ship have it, for its e-book (only physical lines counted before 2026-12-07)
        String toShip = "/api/v1/vendors/me/orders?status=confirmed&limit=100";
        assertThat(api.get(toShip, vendor).body().get("items").findValuesAsText("id")).contains(orderId);

        Api.Response shipped = api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "shipped"), vendor);
        assertThat(shipped.status()).as("the e-book ships without a tracking number: " + shipped).isEqualTo(204);
        assertThat(api.get(toShip, vendor).body().get("items").findValuesAsText("id")).doesNotContain(orderId);
        // what no parcel carries is delivered as it is sent (it stayed shipped until its vendor said delivered too
        // before 2026-12-07, while the buyer was mailed "delivered"; walkthrough Z19); saying so again changes nothing
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("delivered");
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/orders/" + orderId, buyer[1]).body().get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void aShipmentRacingTheApproval_eitherKeepsTheUnitsAndOpensAReturn_orLeavesThemOut_neverBothNorNeither() throws Exception {
        String lamp = product(2_000, 30), pen = product(333, 30);
        String[] buyer = customer();
        fund(buyer[1], 100_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
                String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 1)))
                        .body().get("refundId").asText();
                CountDownLatch start = new CountDownLatch(1);
                Future<Api.Response> approval = pool.submit(() -> { start.await(); return approve(refundId, support); });
                Future<Api.Response> shipment = pool.submit(() -> {
                    start.await();
                    return api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "shipped", "trackingNumber", "TRK-1"), vendor);
                });
                start.countDown();
                assertThat(approval.get().status()).as(approval.get().toString()).isEqualTo(200);
                assertThat(shipment.get().status()).as(shipment.get().toString()).isEqualTo(204);
                Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("status").asText()),
                        Duration.ofSeconds(20), "the refund is paid");
                JsonNode order = api.get("/api/v1/orders/" + orderId, buyer[1]).body();
                boolean returned = api.get("/api/v1/refunds/" + refundId, buyer[1]).body().get("returnOpened").asBoolean();
                int withdrawn = order.at("/items/0/withdrawnQuantity").asInt();
                assertThat(order.get("status").asText()).isEqualTo("shipped");
                assertThat(withdrawn + (returned ? 1 : 0)).as("round " + round + ": withdrawn " + withdrawn + ", return " + returned)
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void returnedUnitsThatArrive_goBackOnHand_atMostThoseReturned() {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        awaitStock(lamp, 10, 3, 7, "three lamps reserved");
        ship(orderId); // a return is for units that left: ones not shipped yet are taken out of the shipment instead
        awaitStock(lamp, 7, 0, 7, "the three lamps left the warehouse with the shipment");
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 2)))
                .body().get("refundId").asText();
        Api.Response early = received(refundId, lamp, 1, support);
        assertThat(early.status()).as("nothing to receive before approval").isEqualTo(409);
        assertThat(early.code()).isEqualTo("invalid_transition");
        long balanceBefore = balance(buyer[1]);
        long amount = approve(refundId, support).body().get("totalCents").asLong();
        // the money goes back at approval, not on receipt
        Await.until(() -> balance(buyer[1]) == balanceBefore + amount, Duration.ofSeconds(20), "refunded at approval");
        assertThat(onHand(lamp)).as("approval restocks nothing").isEqualTo(7);

        Api.Response first = received(refundId, lamp, 1, support);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().get("complete").asBoolean()).isFalse();
        assertThat(first.body().at("/items/0/quantity").asInt()).isEqualTo(1);
        Await.until(() -> onHand(lamp) == 8, Duration.ofSeconds(20), "the first returned lamp is back on hand");
        Api.Response tooMany = received(refundId, lamp, 2, admin);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.code()).isEqualTo("return_exceeds_opened");
        assertThat(received(refundId, pen, 1, admin).code()).as("a product not returned").isEqualTo("return_exceeds_opened");
        assertThat(received(refundId, lamp, 1, buyer[1]).status()).as("the buyer does not receive").isEqualTo(403);
        Api.Response bad = api.post("/api/v1/refunds/" + refundId + "/return-received", Map.of("items", List.of()), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(received(UUID.randomUUID().toString(), lamp, 1, admin).status()).isEqualTo(404);

        Api.Response last = received(refundId, lamp, 1, admin);
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.body().get("complete").asBoolean()).isTrue();
        Await.until(() -> onHand(lamp) == 9, Duration.ofSeconds(20), "both returned lamps are back on hand");
        Await.until(() -> api.get("/api/v1/refunds/" + refundId, buyer[1]).body().path("returnComplete").asBoolean(),
                Duration.ofSeconds(20), "the request shows the return complete");
        JsonNode shown = api.get("/api/v1/refunds/" + refundId, buyer[1]).body();
        assertThat(shown.at("/returnedItems/0/itemId").asText()).isEqualTo(lamp);
        assertThat(shown.at("/returnedItems/0/quantity").asInt()).isEqualTo(2);
        assertThat(shown.get("status").asText()).isEqualTo("refunded");
        JsonNode stock = api.get("/api/v1/products/" + lamp + "/inventory").body();
        assertThat(stock.get("available").asInt()).isEqualTo(9);
        assertThat(received(refundId, lamp, 1, admin).code()).as("nothing left to arrive").isEqualTo("return_exceeds_opened");
    }

    @Test
    void parcelsRecordedAtOnce_restockExactlyTheUnitsReturned() throws Exception {
        String lamp = product(2_000, 10), pen = product(333, 10);
        String[] buyer = customer();
        fund(buyer[1], 20_000);
        String orderId = walletOrder(buyer[1], lamp, pen).get("orderId").asText();
        awaitStock(lamp, 10, 3, 7, "three lamps reserved");
        ship(orderId); // a return is for units that left: ones not shipped yet are taken out of the shipment instead
        awaitStock(lamp, 7, 0, 7, "the three lamps left the warehouse with the shipment");
        String refundId = request(buyer[1], orderId, List.of(Map.of("itemType", "product", "itemId", lamp, "quantity", 3)))
                .body().get("refundId").asText();
        approve(refundId, admin);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) answers.add(pool.submit(() -> { start.await(); return received(refundId, lamp, 1, support); }));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : answers) statuses.add(f.get().status());
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(3);
        assertThat(statuses).allMatch(s -> s == 200 || s == 422);
        Await.until(() -> onHand(lamp) == 10, Duration.ofSeconds(20), "the three returned lamps are back on hand");
        Thread.sleep(1_000);
        assertThat(onHand(lamp)).isEqualTo(10);
    }
}
