package dev.stoa.app.platform;

import static dev.stoa.app.support.PoisonedProducts.LETTERS;
import static dev.stoa.app.support.PoisonedProducts.PROCESSOR;
import static dev.stoa.app.support.PoisonedProducts.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.PoisonedProducts;
import dev.stoa.app.support.Rebuilds;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row the read model's schema refuses (a check constraint, added here and dropped afterwards so that no later
 * replay in this test JVM trips over the event): PostgreSQL aborts the batch's transaction, so the dead letter
 * cannot be written in it. The batch is rolled back once and the event parked when it comes again; its retries
 * fail the same way and are still counted. An admin evicts it: skipped for good, recorded in the log.
 */
class DeadLetterEvictionIT extends ApiTest {
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    private final String adminId = UUID.randomUUID().toString();
    private String admin;
    private String vendor;
    private PoisonedProducts products;
    private String mug;
    private String constraint;

    @Test
    void aFailureThatDoomsTheTransactionIsParkedAndCanBeEvicted() throws Exception {
        admin = tokenAs(adminId, "admin");
        vendor = tokenFor("vendor");
        products = new PoisonedProducts(api, admin, vendor, context);
        mug = products.product("Mug");
        constraint = "refuses_" + mug.replace("-", "");
        jdbc.execute("alter table product_view add constraint " + constraint + " check (name <> 'Chipped " + mug + "')");
        try {
            parkRetryAndEvict();
        } finally {
            jdbc.execute("alter table product_view drop constraint " + constraint);
        }
    }

    private void parkRetryAndEvict() throws InterruptedException {
        String skipped = products.appendUpdate(products.row(mug), "Chipped " + mug, 1_000, "Parker");
        await(() -> products.letters(mug).size() == 1, "the mug's update parked");
        JsonNode letter = products.letters(mug).get(0);
        assertThat(letter.get("cause").asText()).contains("violates check constraint", constraint);
        await(() -> "UP".equals(api.get("/actuator/health", tokenFor("admin")).body().at("/components/projections/status").asText()),
                "the processor past its one failed batch");
        String other = products.productBeside(mug);
        assertThat(api.get("/api/v1/products/" + other).status()).isEqualTo(200);

        Api.Response retried = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR, "sequenceId", mug), admin);
        assertThat(retried.body().get("processed").asLong()).as(retried.toString()).isZero();
        assertThat(retried.body().get("stillParked").asLong()).isEqualTo(1);
        assertThat(products.letters(mug).get(0).get("retries").asInt()).as("counted although its transaction was lost")
                .isGreaterThan(letter.get("retries").asInt());
        assertThat(products.letters(mug).get(0).get("cause").asText()).contains(constraint);

        String id = letter.get("id").asText();
        assertThat(api.delete(LETTERS + "/" + id, vendor).status()).isEqualTo(403);
        assertThat(api.delete(LETTERS + "/" + id, admin).status()).isEqualTo(204);
        assertThat(products.letters(mug)).isEmpty();
        assertThat(api.delete(LETTERS + "/" + id, admin).code()).isEqualTo("not_found");
        Map<String, Object> evicted = jdbc.queryForMap("select convert_from(payload, 'UTF8') as payload, "
                + "convert_from(meta_data, 'UTF8') as meta from domain_event_entry where payload_type = "
                + "'dev.stoa.api.platform.DeadLetterEvicted' and convert_from(payload, 'UTF8') like ?", "%" + id + "%");
        assertThat(evicted.get("payload").toString()).contains(PROCESSOR, skipped, ProductUpdated.class.getName(), constraint);
        assertThat(evicted.get("meta").toString()).contains(adminId);
        assertThat(api.get("/api/v1/products/" + mug).body().get("name").asText()).isEqualTo("Mug");

        // a rebuild of the read model (its new tables have the constraint too) skips the evicted event, as the live
        // processor did; it failed on it again before, and so did every later rebuild and as-of audit read
        new Rebuilds(api, admin).run(PROCESSOR);
        assertThat(api.get("/api/v1/products/" + mug).body().get("name").asText()).isEqualTo("Mug");
        assertThat(api.get("/api/v1/products/" + other).status()).isEqualTo(200);
        assertThat(products.letters(mug)).isEmpty();
    }
}
