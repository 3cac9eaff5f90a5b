package dev.stoa.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.wallet.RedeemVoucher;
import dev.stoa.api.wallet.VoucherId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.StoreScan;
import dev.stoa.command.platform.SecretHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vouchers are money: their codes rest in clear nowhere (events, tables, the idempotency store, the search index, the
 * log), and a redemption always reaches the wallet, even when the redeeming request never got to top it up.
 */
@ExtendWith(OutputCaptureExtension.class)
class VoucherSafetyIT extends ApiTest {
    /** How voucher ids are derived (persisted data: spelled out here on purpose). */
    private static final String PURPOSE = "voucher code";
    private static final Instant IN_A_MONTH = Instant.now().plus(Duration.ofDays(30));
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;
    @Autowired SecretHasher hasher;
    @Autowired CommandGateway gateway;

    @Test
    void noVoucherCodeRestsInClearAnywhere(CapturedOutput output) {
        Vouchers vouchers = new Vouchers(api, tokenFor("admin"));
        Api.Response created = api.post("/api/v1/admin/vouchers", Map.of("amountCents", 700, "currency", "USD", "count", 4,
                "expiresAt", IN_A_MONTH.toString()), tokenFor("admin"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        created.body().get("codes").forEach(c -> codes.add(c.asText()));
        String customer = tokenFor("customer");
        // redeemed with an Idempotency-Key, wrongly and rightly: neither the request nor its answer keeps the code
        Api.Response redeemed = api.post("/api/v1/wallet/redeem", Map.of("code", codes.get(0)), customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(vouchers.redeem(codes.get(0), tokenFor("customer")).code()).isEqualTo("voucher_redeemed");

        StoreScan store = new StoreScan(jdbc, environment.getProperty("spring.elasticsearch.uris"));
        for (String code : codes) {
            for (String form : List.of(code, code.replace("-", ""))) {
                assertThat(store.find(form)).as("where %s rests in clear", form).isEmpty();
                assertThat(output.getAll()).as("the log").doesNotContainIgnoringCase(form);
            }
        }
        // what is stored instead: the keyed hash, as the voucher's id
        String id = voucherId(codes.get(1)).value();
        assertThat(jdbc.queryForObject("select count(*) from voucher_view where voucher_id = ?", Long.class, id)).isEqualTo(1);
    }

    @Test
    void aRedemptionWhoseRequestDiedBeforeTheTopUpIsCompletedByItsEventHandler() {
        Vouchers vouchers = new Vouchers(api, tokenFor("admin"));
        String code = vouchers.create(1_234, "USD", 1, IN_A_MONTH).codes().get(0);
        String userId = UUID.randomUUID().toString();
        String token = tokenAs(userId, "customer");
        // only what the request did before "the process died": the voucher is spent, no top-up was sent
        gateway.sendAndWait(new RedeemVoucher(voucherId(code), new UserId(userId)));
        Await.until(() -> vouchers.wallet(token).get("balanceCents").asLong() == 1_234, Duration.ofSeconds(20),
                "the top-up of the redeemed voucher");
        assertThat(vouchers.wallet(token).get("entries")).hasSize(1);
        assertThat(vouchers.redeem(code, token).code()).isEqualTo("voucher_redeemed");
        assertThat(vouchers.wallet(token).get("balanceCents").asLong()).isEqualTo(1_234);
    }

    private VoucherId voucherId(String code) {
        return VoucherId.ofHash(hasher.hash(PURPOSE, code.replace("-", "")));
    }
}
