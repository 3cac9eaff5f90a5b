package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import dev.stoa.command.platform.UniqueKeyReconciler;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A claim whose owner never got events is released; a claim whose owner exists is confirmed and kept. */
class UniqueKeyReconcilerIT extends ApiTest {
    @Autowired UniqueKeyReconciler reconciler;
    @Autowired JdbcTemplate jdbc;

    @Test
    void strandedClaimsAreReleasedAndRealOnesConfirmed() {
        String sku = unique("REAL");
        String productId = new Catalog(api).create(tokenFor("vendor"), Catalog.product(sku, "Real", 100, null, "B"));
        String ghostSku = unique("GHOST").toUpperCase();
        jdbc.update("insert into unique_key(kind, value, owner_id, claimed_at) values ('product-sku', ?, ?, now() - interval '10 minutes')",
                ghostSku, UUID.randomUUID().toString());
        jdbc.update("update unique_key set claimed_at = now() - interval '10 minutes', confirmed = false where owner_id = ?", productId);
        String fresh = unique("FRESH").toUpperCase();
        jdbc.update("insert into unique_key(kind, value, owner_id) values ('product-sku', ?, ?)", fresh, UUID.randomUUID().toString());

        assertThat(reconciler.runOnce()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from unique_key where value = ?", Long.class, ghostSku)).isZero();
        assertThat(jdbc.queryForList("select confirmed from unique_key where owner_id = ?", Boolean.class, productId))
                .isNotEmpty().containsOnly(true);
        assertThat(jdbc.queryForObject("select count(*) from unique_key where value = ?", Long.class, fresh))
                .as("within the grace period a claim may still be in flight").isEqualTo(1);
        // the released SKU can be listed again
        Map<String, Object> again = Catalog.product(ghostSku, "Now real", 100, null, "B");
        assertThat(api.post("/api/v1/products", again, tokenFor("vendor")).status()).isEqualTo(201);
    }
}
