package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Mailbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An aggregate's state as of an instant, through the HTTP API on the real stack: a wallet-paid order from cart to
 * refund, read by an auditor before and after each step (order, wallet, refunds; every amount to the cent), and a
 * card-paid one (the payment pending, captured, refunded); personal fields open for the auditor and read [erased] once
 * their owner is erased; secrets never show, not even hashed; who
 * may read; and every aggregate type Axon knows resolves by both its names and rebuilds from what the store holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AggregateStateIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    private static final Instant IN_A_MONTH = Instant.now().plus(Duration.ofDays(30));
    @Autowired Configuration axon;
    @Autowired JdbcTemplate jdbc;
    private String admin;
    private String vendor;

    private record Person(String id, String email, String access) {}

    @BeforeEach
    void setUp() {
        admin = tokenFor("admin");
        vendor = tokenFor("vendor");
    }

    @Test
    @Order(1)
    void anOrderFromCartToRefund_stateBeforeAndAfterEachStep_thenErased() throws Exception {
        String auditor = auditor();
        Person buyer = register("Ada", "Lovelace");
        Api.Response address = api.post("/api/v1/users/" + buyer.id() + "/addresses", Map.of("label", "home",
                "streetLine1", "12 Analytical Row", "city", "New York", "state", "NY", "postalCode", "10001",
                "countryCode", "US", "isDefault", true), buyer.access());
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        Map<String, Object> lampBody = new HashMap<>(Catalog.product(unique("LAMP"), "Lamp", 2_000, null, "Stoa"));
        lampBody.put("weightGrams", 400);
        String lamp = new Catalog(api).create(vendor, lampBody);
        assertThat(api.put("/api/v1/products/" + lamp + "/inventory", Map.of("onHand", 5), vendor).status()).isEqualTo(204);
        String code = api.post("/api/v1/admin/vouchers", Map.of("amountCents", 10_000, "currency", "USD", "count", 1,
                "expiresAt", IN_A_MONTH.toString()), admin).body().get("codes").get(0).asText();
        assertThat(api.post("/api/v1/wallet/redeem", Map.of("code", code), buyer.access()).status()).isEqualTo(200);
        Instant funded = mark();

        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", lamp, "quantity", 2),
                buyer.access()).status()).isBetween(200, 204);
        Instant carted = mark();
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), buyer.access(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        long total = placed.body().get("totalCents").asLong();
        long tax = placed.body().get("taxCents").asLong(), shipping = placed.body().get("shippingCents").asLong();
        assertThat(total).isEqualTo(4_000 + tax + shipping);
        Instant paid = mark();
        Api.Response shippedAnswer = api.put("/api/v1/orders/" + orderId + "/status",
                Map.of("status", "shipped", "trackingNumber", "1Z999AA10123456784"), vendor);
        assertThat(shippedAnswer.status()).as(shippedAnswer.toString()).isEqualTo(204);
        Instant shipped = mark();
        assertThat(api.put("/api/v1/orders/" + orderId + "/status", Map.of("status", "delivered"), vendor).status())
                .isEqualTo(204);
        Instant delivered = mark();
        Api.Response requested = api.post("/api/v1/refunds", Map.of("orderId", orderId, "reason", "arrived scratched"),
                buyer.access());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String refundId = requested.body().get("refundId").asText();
        Api.Response approved = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("totalCents").asLong()).isEqualTo(total);
        Await.until(() -> api.get("/api/v1/wallet", buyer.access()).body().path("balanceCents").asLong() == 10_000,
                Duration.ofSeconds(20), "the refund is in the wallet");
        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + refundId, admin).body().path("status").asText()),
                Duration.ofSeconds(20), "the refund request is refunded");
        Instant refunded = mark();

        // the order: none before it was placed, then each status with its amounts to the cent
        Api.Response before = state(auditor, "order", orderId, carted);
        assertThat(before.status()).as(before.toString()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("not_found");
        assertThat(before.body().get("detail").asText()).contains("first event");
        JsonNode confirmed = ok(state(auditor, "order", orderId, paid));
        assertThat(confirmed.get("aggregateType").asText()).isEqualTo("order");
        assertThat(confirmed.get("asOf").asText()).isEqualTo(paid.toString());
        assertThat(confirmed.get("eventsApplied").asLong()).isEqualTo(confirmed.get("sequence").asLong() + 1)
                .isEqualTo(confirmed.get("version").asLong() + 1).isEqualTo(2);
        assertThat(Instant.parse(confirmed.get("lastEventAt").asText())).isAfter(carted).isBefore(paid);
        JsonNode order = confirmed.get("state");
        assertThat(order.get("orderId").asText()).isEqualTo(orderId);
        assertThat(order.get("status").asText()).as("the API's word").isEqualTo("confirmed");
        assertThat(order.get("buyer").asText()).isEqualTo(buyer.id());
        assertThat(order.get("paymentMethod").asText()).isEqualTo("wallet");
        assertThat(order.at("/amounts/subtotalCents").asLong()).isEqualTo(4_000);
        assertThat(order.at("/amounts/taxCents").asLong()).isEqualTo(tax);
        assertThat(order.at("/amounts/shippingCents").asLong()).isEqualTo(shipping);
        assertThat(order.at("/amounts/totalCents").asLong()).isEqualTo(total);
        assertThat(order.at("/lines/0/unitPriceCents").asLong()).isEqualTo(2_000);
        assertThat(order.at("/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(order.get("shipped")).isEmpty();
        JsonNode inTransit = ok(state(auditor, "order", orderId, shipped)).get("state");
        assertThat(inTransit.get("status").asText()).isEqualTo("shipped");
        assertThat(inTransit.get("shipped").toString()).contains("1Z999AA10123456784");
        assertThat(inTransit.get("delivered")).isEmpty();
        JsonNode done = ok(state(auditor, "order", orderId, delivered)).get("state");
        assertThat(done.get("status").asText()).isEqualTo("delivered");
        assertThat(done.get("delivered")).hasSize(1);
        assertThat(done.at("/amounts/totalCents").asLong()).isEqualTo(total);

        // the wallet: funded, debited once by the order, refunded to the cent
        String walletId = "wallet-" + buyer.id();
        JsonNode topUp = ok(state(auditor, "wallet", walletId, funded)).get("state");
        assertThat(topUp.get("balanceCents").asLong()).isEqualTo(10_000);
        assertThat(topUp.get("vouchers")).as("the voucher's id, a keyed hash of its code: no secret").hasSize(1)
                .allSatisfy(v -> assertThat(v.asText()).startsWith("voucher-"));
        assertThat(ok(state(auditor, "wallet", walletId, carted)).at("/state/balanceCents").asLong()).isEqualTo(10_000);
        JsonNode debited = ok(state(auditor, "wallet", walletId, paid)).get("state");
        assertThat(debited.get("balanceCents").asLong()).isEqualTo(10_000 - total);
        assertThat(debited.at("/debitedByOrder/" + orderId).asLong()).isEqualTo(total);
        assertThat(ok(state(auditor, "wallet", walletId, delivered)).at("/state/balanceCents").asLong()).isEqualTo(10_000 - total);
        JsonNode back = ok(state(auditor, "wallet", walletId, refunded)).get("state");
        assertThat(back.get("balanceCents").asLong()).isEqualTo(10_000);
        assertThat(back.at("/refundedByOrder/" + orderId).asLong()).isEqualTo(total);

        // the order's refunds: none before the request, then the one request, refunded
        String refundsId = OrderRefundsId.of(new OrderId(orderId));
        assertThat(state(auditor, "order-refunds", refundsId, delivered).status()).isEqualTo(404);
        JsonNode refunds = ok(state(auditor, "order-refunds", refundsId, refunded)).get("state");
        assertThat(refunds.get("orderId").asText()).isEqualTo(orderId);
        assertThat(refunds.at("/states/" + refundId).asText()).isEqualTo("refunded");
        // without asOf: now, which is the state after the refund
        JsonNode now = ok(api.get("/api/v1/audit/order-refunds/" + refundsId + "/state", auditor));
        assertThat(now.get("state")).isEqualTo(refunds);
        assertThat(ok(api.get("/api/v1/audit/Order/" + orderId + "/state", auditor)).get("state")).as("the stored type name")
                .isEqualTo(ok(state(auditor, "order", orderId, refunded)).get("state"));

        // the buyer's account opens for the auditor; once erased, the same instant reads [erased]
        JsonNode account = ok(state(auditor, "user-account", buyer.id(), paid)).get("state");
        assertThat(account.at("/profile/firstName").asText()).isEqualTo("Ada");
        assertThat(account.at("/profile/email").asText()).isEqualTo(buyer.email());
        assertThat(account.at("/credentials/passwordHash").asText()).isEqualTo(SecretMask.MASK);
        // when a password was last reset is no secret (it read [secret]; walkthrough Z28): never, null (it read the
        // epoch, 1970-01-01T00:00:00Z, before 2026-12-07 evening; Z29), and so does the sessions' cut-off
        assertThat(account.at("/lifecycle/passwordResetAt").isNull()).as(account.toString()).isTrue();
        assertThat(account.at("/lifecycle/sessionsValidAfter").isNull()).isTrue();
        assertThat(api.json("DELETE", "/api/v1/users/me", Map.of("password", PASSWORD), buyer.access(), Map.of()).status())
                .isEqualTo(204);
        Api.Response erasedAccount = state(auditor, "user-account", buyer.id(), paid);
        JsonNode erased = ok(erasedAccount).get("state");
        assertThat(erased.at("/profile/firstName").asText()).isEqualTo("[erased]");
        assertThat(erased.at("/profile/lastName").asText()).isEqualTo("[erased]");
        assertThat(erased.at("/profile/email").asText()).isEqualTo("[erased]");
        assertThat(erasedAccount.raw()).doesNotContain("Lovelace", buyer.email(), "Analytical", "pd2:");
        // the order keeps no personal field in its state (the address and notes are only in OrderPlaced): it reads
        // the same after the erasure, to the cent, and names the buyer by id only
        Api.Response erasedOrder = state(auditor, "order", orderId, delivered);
        assertThat(ok(erasedOrder).get("state")).isEqualTo(done);
        assertThat(erasedOrder.raw()).doesNotContain("Lovelace", "Ada", buyer.email(), "Analytical", "pd2:");
    }

    @Test
    @Order(2)
    void aCardPaidOrder_paymentBeforeAndAfterCaptureAndRefund_itsReasonErasedWithTheBuyer() {
        String auditor = auditor();
        Person buyer = register("Carla", "Cardholder");
        assertThat(api.post("/api/v1/users/" + buyer.id() + "/addresses", Map.of("label", "home", "streetLine1", "1 Market St",
                "city", "San Francisco", "state", "CA", "postalCode", "94105", "countryCode", "US", "isDefault", true),
                buyer.access()).status()).isEqualTo(201);
        String lamp = new Catalog(api).create(vendor, Catalog.product(unique("CARD"), "Card lamp", 1_500, null, "Stoa"));
        assertThat(api.put("/api/v1/products/" + lamp + "/inventory", Map.of("onHand", 4), vendor).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", lamp, "quantity", 2),
                buyer.access()).status()).isBetween(200, 204);
        Instant carted = mark();
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer.access(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        String paymentId = placed.body().at("/payment/paymentId").asText();
        String clientSecret = placed.body().at("/payment/clientSecret").asText();
        long total = placed.body().get("totalCents").asLong();
        Instant started = mark();
        Api.Response confirmed = api.post("/api/v1/payments/" + paymentId + "/sandbox/confirm",
                Map.of("paymentMethod", "pm_card_visa"), buyer.access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(202);
        awaitStatus("/api/v1/orders/" + orderId, buyer.access(), "confirmed");
        awaitStatus("/api/v1/payments/" + paymentId, buyer.access(), "captured");
        Instant captured = mark();
        Api.Response refund = api.post("/api/v1/payments/" + paymentId + "/refund",
                Map.of("amountCents", total, "reason", "goodwill for Carla"), admin);
        assertThat(refund.status()).as(refund.toString()).isEqualTo(202);
        awaitStatus("/api/v1/payments/" + paymentId, buyer.access(), "refunded");
        Instant refunded = mark();

        assertThat(state(auditor, "payment", paymentId, carted).code()).isEqualTo("not_found");
        Api.Response pendingAnswer = answered(state(auditor, "payment", paymentId, started));
        JsonNode pending = pendingAnswer.body().get("state");
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("orderId").asText()).isEqualTo(orderId);
        assertThat(pending.get("amountCents").asLong()).isEqualTo(total).isEqualTo(3_000 + placed.body().get("taxCents").asLong()
                + placed.body().get("shippingCents").asLong());
        assertThat(pending.get("capturedCents").asLong()).isZero();
        assertThat(pendingAnswer.raw()).doesNotContain(clientSecret);
        JsonNode paid = ok(state(auditor, "payment", paymentId, captured)).get("state");
        assertThat(paid.get("status").asText()).isEqualTo("captured");
        assertThat(paid.get("capturedCents").asLong()).isEqualTo(total);
        assertThat(paid.get("refundedCents").asLong()).isZero();
        assertThat(ok(state(auditor, "order", orderId, started)).at("/state/status").asText()).isEqualTo("pending");
        assertThat(ok(state(auditor, "order", orderId, captured)).at("/state/status").asText()).isEqualTo("confirmed");
        JsonNode back = ok(state(auditor, "payment", paymentId, refunded)).get("state");
        assertThat(back.get("status").asText()).isEqualTo("refunded");
        assertThat(back.get("refundedCents").asLong()).isEqualTo(total);
        assertThat(back.get("refundAmounts").elements().next().asLong()).isEqualTo(total);
        assertThat(back.get("refundStates").elements().next().asText()).isEqualTo("succeeded");
        assertThat(back.get("refundReasons").elements().next().asText()).as("opened for the auditor")
                .isEqualTo("goodwill for Carla");

        assertThat(api.json("DELETE", "/api/v1/users/me", Map.of("password", PASSWORD), buyer.access(), Map.of()).status())
                .isEqualTo(204);
        Api.Response afterErasure = answered(state(auditor, "payment", paymentId, refunded));
        JsonNode kept = afterErasure.body().get("state");
        assertThat(kept.get("refundReasons").elements().next().asText()).isEqualTo("[erased]");
        assertThat(kept.get("refundedCents").asLong()).as("the books stay").isEqualTo(total);
        assertThat(afterErasure.raw()).doesNotContain("Carla", "pd2:");
    }

    private void awaitStatus(String path, String token, String status) {
        Await.until(() -> status.equals(api.get(path, token).body().path("status").asText()), Duration.ofSeconds(30),
                path + " is " + status);
    }

    @Test
    @Order(3)
    void secretsNeverShow_notEvenHashed() {
        String auditor = auditor();
        Person person = register("Sam", "Secretary");
        Api.Response enrolled = api.post("/api/v1/auth/mfa/enroll", Map.of("password", PASSWORD), person.access());
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        List<String> revealed = new ArrayList<>(List.of(enrolled.body().get("secret").asText()));
        enrolled.body().get("recoveryCodes").forEach(c -> revealed.add(c.asText()));

        Api.Response answer = answered(api.get("/api/v1/audit/user-account/" + person.id() + "/state", auditor));
        JsonNode account = answer.body().get("state");
        assertThat(account.at("/profile/firstName").asText()).isEqualTo("Sam");
        assertThat(account.at("/credentials/passwordHash").asText()).isEqualTo(SecretMask.MASK);
        assertThat(account.at("/mfa/pendingSecret").asText()).isEqualTo(SecretMask.MASK);
        assertThat(account.at("/mfa/activeSecret").isNull()).as("MFA is not on yet: no secret, and that shows").isTrue();
        assertThat(answer.raw()).doesNotContain("s2:", "$2a$", "$2b$", "$2y$", "pd2:").doesNotContain(revealed);
        assertThat(answer.header("Cache-Control")).contains("no-store");

        // the login's refresh token family: its current token id is hidden
        String familyId = jdbc.queryForObject("select aggregate_identifier from domain_event_entry where type = 'TokenFamily' "
                + "and encode(payload, 'escape') like ? order by global_index desc limit 1", String.class, "%" + person.id() + "%");
        JsonNode family = ok(api.get("/api/v1/audit/token-family/" + familyId + "/state", auditor)).get("state");
        assertThat(family.get("userId").asText()).isEqualTo(person.id());
        assertThat(family.get("currentTokenId").asText()).isEqualTo(SecretMask.MASK);

        // a voucher is identified by the keyed hash of its code (HMAC): its state names that id, as its aggregateId
        // does (it read [secret] beside it), and never the code
        String batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", 500, "currency", "USD", "count", 1,
                "expiresAt", IN_A_MONTH.toString()), admin).body().get("batchId").asText();
        String voucherId = jdbc.queryForObject("select aggregate_identifier from domain_event_entry where type = 'Voucher' "
                + "and encode(payload, 'escape') like ? limit 1", String.class, "%" + batch + "%");
        Api.Response voucher = answered(api.get("/api/v1/audit/voucher/" + voucherId + "/state", auditor));
        assertThat(voucher.body().at("/state/amountCents").asLong()).isEqualTo(500);
        assertThat(voucher.body().at("/state/voucherId").asText()).isEqualTo(voucherId);
    }

    @Test
    @Order(4)
    void whoMayReadAndWhatIsRefused() {
        String auditor = auditor();
        Person customer = register("Cy", "Customer");
        String path = "/api/v1/audit/user-account/" + customer.id() + "/state";
        assertThat(api.get(path, customer.access()).status()).as("a customer, even about themself").isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, auditor).status()).isEqualTo(200);
        assertThat(api.get(path, admin).status()).isEqualTo(200);

        Api.Response unknownType = api.get("/api/v1/audit/spaceship/" + customer.id() + "/state", auditor);
        assertThat(unknownType.status()).as(unknownType.toString()).isEqualTo(404);
        assertThat(unknownType.code()).isEqualTo("unknown_aggregate_type");
        assertThat(unknownType.body().get("detail").asText()).contains("user-account", "order");
        Api.Response otherType = api.get("/api/v1/audit/order/" + customer.id() + "/state", auditor);
        assertThat(otherType.status()).as("the id's events belong to a user account").isEqualTo(404);
        assertThat(otherType.code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/audit/order/" + UUID.randomUUID() + "/state", auditor).code()).isEqualTo("not_found");
        for (String bad : List.of("yesterday", "2026-11-30", "2026-13-01T00:00:00Z", "1700000000")) {
            Api.Response refused = api.get(path + "?asOf=" + bad, auditor);
            assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get(path + "?asOf=2000-01-01T00:00:00Z", auditor).body().get("detail").asText())
                .contains("first event");
        Api.Response misspelled = api.get(path + "?asof=2000-01-01T00:00:00Z", auditor);
        assertThat(misspelled.status()).as("it answered the state of now: " + misspelled).isEqualTo(400);
        assertThat(misspelled.body().at("/errors/0/field").asText()).isEqualTo("asof");
        // an instant to come: 400 (it answered the state of now, labelled with that instant, before 2026-12-07)
        Api.Response future = api.get(path + "?asOf=" + Instant.now().plusSeconds(3600), auditor);
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("validation_failed");
        assertThat(future.body().get("detail").asText()).contains("in the future");
        sleepPastTheSecond();
        Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS); // after the account's first event, not to come
        String withOffset = later.atOffset(ZoneOffset.ofHours(2)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(ok(api.get(path + "?asOf=" + withOffset, auditor)).get("asOf").asText()).as("'+' unencoded")
                .isEqualTo(later.toString());
    }

    @Test
    @Order(4)
    void theOpenApiDocumentListsTheOperationAndItsProblems() {
        JsonNode operation = api.get("/v3/api-docs").body().path("paths").path("/api/v1/audit/{aggregateType}/{aggregateId}/state")
                .path("get");
        assertThat(operation.path("operationId").asText()).as(operation.toString()).isEqualTo("getAggregateStateAsOf");
        JsonNode responses = operation.path("responses");
        assertThat(responses.path("404").toString()).as(responses.toString()).contains("unknown_aggregate_type", "not_found");
        assertThat(responses.path("400").toString()).as(responses.toString()).contains("validation_failed");
        assertThat(responses.has("403")).as(responses.toString()).isTrue();
    }

    /** After the others: the store then holds events of most types. */
    @Test
    @Order(5)
    void everyAggregateTypeKnownToAxonResolvesAndRebuildsFromWhatTheStoreHolds() {
        String auditor = auditor();
        new Catalog(api).category(admin, "Audited", unique("audited"), null);
        List<String> rebuilt = new ArrayList<>();
        List<AggregateConfiguration> modules = axon.findModules(AggregateConfiguration.class);
        assertThat(modules.stream().map(m -> m.aggregateType().getName()).toList()).as("every @Aggregate of the command side")
                .containsExactlyInAnyOrderElementsOf(aggregateClasses());
        for (AggregateConfiguration<?> module : modules) {
            String name = AggregateTypes.kebab(module.aggregateType().getSimpleName());
            String stored = module.aggregateType().getSimpleName();
            for (String spelling : Set.of(name, stored)) {
                Api.Response missing = api.get("/api/v1/audit/" + spelling + "/" + UUID.randomUUID() + "/state", auditor);
                assertThat(missing.code()).as("%s resolves: %s", spelling, missing).isEqualTo("not_found");
            }
            List<Map<String, Object>> first = jdbc.queryForList("select aggregate_identifier, time_stamp from domain_event_entry "
                    + "where type = ? and sequence_number = 0 order by global_index limit 1", stored);
            if (first.isEmpty()) continue;
            String id = (String) first.get(0).get("aggregate_identifier");
            Instant at = Instant.parse((String) first.get(0).get("time_stamp"));
            JsonNode atFirst = ok(state(auditor, name, id, at));
            assertThat(atFirst.get("sequence").asLong()).as(name).isZero();
            assertThat(atFirst.get("eventsApplied").asLong()).as(name).isGreaterThanOrEqualTo(1);
            assertThat(atFirst.get("state").isObject()).as(name).isTrue();
            Api.Response latest = answered(api.get("/api/v1/audit/" + name + "/" + enc(id) + "/state", auditor));
            assertThat(latest.raw()).as(name).doesNotContain("s2:", "$2a$", "pd2:");
            rebuilt.add(name);
        }
        assertThat(rebuilt).contains("order", "payment", "wallet", "voucher", "voucher-batch", "user-account", "token-family", "product",
                "inventory", "cart", "order-refunds", "category");
    }

    private static List<String> aggregateClasses() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(org.axonframework.spring.stereotype.Aggregate.class));
        return scan.findCandidateComponents("dev.stoa.command").stream().map(BeanDefinition::getBeanClassName).toList();
    }

    private Api.Response state(String token, String type, String id, Instant asOf) {
        return api.get("/api/v1/audit/" + type + "/" + enc(id) + "/state?asOf=" + enc(asOf.toString()), token);
    }

    private static JsonNode ok(Api.Response response) { return answered(response).body(); }

    private static Api.Response answered(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String enc(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    /** An instant between two steps: the events of the step before are stored before it, those of the next after. */
    private static Instant mark() {
        Await.pause(Duration.ofMillis(5));
        Instant mark = Instant.now();
        Await.pause(Duration.ofMillis(5));
        return mark;
    }

    /** An auditor as an admin makes one: a registered user given the role, logged in again for a token with it. */
    private String auditor() {
        Person person = register("Audrey", "Auditor");
        Api.Response granted = api.put("/api/v1/admin/users/" + person.id() + "/roles",
                Map.of("roles", Set.of("customer", "auditor")), admin);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(204);
        return login(person.email());
    }

    /** A user registered, verified and logged in through the API, as a client does. */
    private Person register(String firstName, String lastName) {
        String email = unique(firstName.toLowerCase()) + "@example.org";
        Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", firstName, "lastName", lastName), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String token;
        try {
            token = new Mailbox(api).find(email, "", "signed up: (\\S+)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(api.post("/api/v1/auth/email/verify", Map.of("token", token, "password", PASSWORD), null).status())
                .isEqualTo(204);
        return new Person(registered.body().get("userId").asText(), email, login(email));
    }

    private String login(String email) {
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.body().get("accessToken").asText();
    }

    /** Past the next whole second: an instant truncated to the second is then after what was stored before the call. */
    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
