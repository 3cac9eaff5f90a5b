package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write whose answer was lost (the process died while it ran, or it failed with a 5xx) is retried under its
 * Idempotency-Key: what the first try did stands, and the retry answers it as the first would have, doing nothing twice.
 * Before 2026-12-06 (eighth session) the retry ran as a new request and was refused for its own first try's effect: a
 * voucher redeemed was 409 voucher_redeemed, a refund request 409 refund_request_open, an approval 409
 * invalid_transition, to the very client that had done them (found by a walkthrough that killed the process under load).
 * A lost answer is made here as the store holds it after a crash (the claim still in progress, older than its time out)
 * or after a 5xx (marked unanswered).
 */
class LostAnswersIT extends ApiTest {
    @Autowired JdbcTemplate jdbc;
    @Autowired CommandGateway commands;

    private void crashedWhileRunning(String key) {
        jdbc.update("update idempotency_record set status = null, body = null, created_at = now() - interval '2 minutes' "
                + "where idem_key = ?", key);
    }

    private void endedIn5xx(String key) {
        jdbc.update("update idempotency_record set status = 0, body = null where idem_key = ?", key);
    }

    @Test
    void aRedemptionWhoseAnswerWasLost_isAnsweredOnRetry_andCreditedOnce() {
        String admin = tokenFor("admin");
        String buyer = customer();
        String code = voucher(admin, 2_500);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response first = api.post("/api/v1/wallet/redeem", Map.of("code", code), buyer, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        crashedWhileRunning(key.get("Idempotency-Key"));

        Api.Response retry = api.post("/api/v1/wallet/redeem", Map.of("code", code), buyer, key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).as("run again, not replayed: nothing was kept").isNull();
        assertThat(retry.body().get("balanceCents").asLong()).isEqualTo(2_500);
        assertThat(api.get("/api/v1/wallet", buyer).body().get("balanceCents").asLong()).as("credited once").isEqualTo(2_500);

        // another customer, or the same one without that key's lost try, is still told the voucher is spent
        Api.Response other = api.post("/api/v1/wallet/redeem", Map.of("code", code), customer(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(other.code()).isEqualTo("voucher_redeemed");
        Api.Response again = api.post("/api/v1/wallet/redeem", Map.of("code", code), buyer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(again.code()).isEqualTo("voucher_redeemed");
    }

    @Test
    void aRefundRequestAndItsApprovalWhoseAnswersWereLost_areAnsweredOnRetry_andRefundOnce() {
        String admin = tokenFor("admin");
        String buyer = customer();
        api.post("/api/v1/wallet/redeem", Map.of("code", voucher(admin, 10_000)), buyer);
        String vendor = tokenFor("vendor");
        Map<String, Object> ebook = new HashMap<>(Catalog.product(unique("EB"), "E-book", 1_500, null, "B"));
        ebook.put("weightGrams", null); // digital: no address
        String product = new Catalog(api).create(vendor, ebook);
        assertThat(api.put("/api/v1/products/" + product + "/inventory", Map.of("onHand", 10), vendor).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", product, "quantity", 2), buyer)
                .status()).isBetween(200, 204);
        Api.Response order = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), buyer);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.body().get("orderId").asText();
        long paid = order.body().get("totalCents").asLong();

        Map<String, Object> ask = Map.of("orderId", orderId, "reason", "not what I wanted");
        Map<String, String> askKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response asked = api.post("/api/v1/refunds", ask, buyer, askKey);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        endedIn5xx(askKey.get("Idempotency-Key"));
        Api.Response askedAgain = api.post("/api/v1/refunds", ask, buyer, askKey);
        assertThat(askedAgain.status()).as(askedAgain.toString()).isEqualTo(201);
        String refundId = asked.body().get("refundId").asText();
        assertThat(askedAgain.body().get("refundId").asText()).as("the same request").isEqualTo(refundId);
        assertThat(api.get("/api/v1/refunds?orderId=" + orderId, buyer).body().get("total").asInt()).isEqualTo(1);

        Map<String, String> approveKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response approved = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), admin, approveKey);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        crashedWhileRunning(approveKey.get("Idempotency-Key"));
        Api.Response approvedAgain = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), admin, approveKey);
        assertThat(approvedAgain.status()).as(approvedAgain.toString()).isEqualTo(200);
        assertThat(approvedAgain.body().get("totalCents").asLong()).isEqualTo(approved.body().get("totalCents").asLong())
                .isEqualTo(paid);
        assertThat(api.get("/api/v1/wallet", buyer).body().get("balanceCents").asLong()).as("refunded once")
                .isEqualTo(10_000);

        // another admin's approval of it, or this one's without the lost try, is still a decided request
        Api.Response second = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), tokenFor("admin"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(second.code()).isEqualTo("invalid_transition");
    }

    @Test
    void aRetryAfterALostAnswer_withAnotherBody_isAReuseOfTheKey() {
        String admin = tokenFor("admin");
        String buyer = customer();
        String code = voucher(admin, 1_000);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(api.post("/api/v1/wallet/redeem", Map.of("code", code), buyer, key).status()).isEqualTo(200);
        endedIn5xx(key.get("Idempotency-Key"));
        Api.Response other = api.post("/api/v1/wallet/redeem", Map.of("code", voucher(admin, 1_000)), buyer, key);
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
    }

    private String customer() {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, unique("lost") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv", "Lo",
                "St", null, Set.of("customer"), true));
        return tokenAs(id.value(), "customer");
    }

    private String voucher(String admin, long cents) {
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", cents, "currency", "USD", "count", 1,
                "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()), admin);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
        return batch.body().get("codes").get(0).asText();
    }
}
