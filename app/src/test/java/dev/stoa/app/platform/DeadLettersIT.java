package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.health.ProcessorStatus;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A poison event (an update of a product whose read-model row is missing) parks in the product read model's
 * dead-letter queue with its cause, later events of that product queue behind it, every other product is still
 * projected, and health stays UP. Once the row is back, a retry (by an admin or on its own) projects the parked
 * events as if nothing had happened; an eviction skips one for good and leaves a DeadLetterEvicted in the log.
 */
class DeadLettersIT extends ApiTest {
    private static final String PROCESSOR = "product-read-model";
    private static final String LETTERS = "/api/v1/admin/dead-letters";
    @Autowired EventStore eventStore;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired EventProcessingConfiguration processing;
    @Autowired ProjectionGate gate;
    @Autowired ProcessorStatus status;
    private final String adminId = UUID.randomUUID().toString();
    private String admin;
    private String vendor;
    private Catalog catalog;
    private String category;

    @BeforeEach
    void actors() {
        admin = tokenAs(adminId, "admin");
        vendor = tokenFor("vendor");
        catalog = new Catalog(api);
        String tag = unique("dlq");
        category = catalog.category(admin, "Dead letters " + tag, tag, null);
    }

    @Test
    void aPoisonEventParksWhileOthersGoOnAndARetryProjectsItAsIfNothingHappened() throws Exception {
        String kettle = product("Kettle");
        Map<String, Object> row = removeRow(kettle);
        String poison = appendUpdate(row, "Copper Kettle", 4_100);
        String behind = appendUpdate(row, "Copper Kettle XL", 4_900);

        String pan = product("Pan"); // another aggregate: projected although the kettle's events fail
        assertThat(api.get("/api/v1/products/" + pan).status()).isEqualTo(200);
        await(() -> letters(kettle).size() == 2, "both kettle events parked");
        List<JsonNode> parked = letters(kettle);
        assertThat(parked).extracting(l -> l.get("eventId").asText()).containsExactly(poison, behind);
        JsonNode head = parked.get(0);
        assertThat(head.get("processor").asText()).isEqualTo(PROCESSOR);
        assertThat(head.get("sequenceId").asText()).isEqualTo(kettle);
        assertThat(head.get("type").asText()).isEqualTo(ProductUpdated.class.getName());
        assertThat(head.get("cause").asText()).contains(kettle);
        assertThat(head.get("parkedAt").asText()).isNotBlank();
        assertThat(parked.get(1).get("cause").isNull()).as("waits behind the first").isTrue();

        // retried on its own while the cause is still there: counted, still parked, still with its cause
        await(() -> letters(kettle).get(0).get("retries").asInt() >= 1, "an automatic retry");
        assertThat(letters(kettle).get(0).get("cause").asText()).contains(kettle);
        JsonNode health = api.get("/actuator/health").body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/details/" + PROCESSOR + "/deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/actuator/prometheus").raw()).contains("stoa_dead_letters{processor=\"" + PROCESSOR + "\"}");

        int retries = letters(kettle).get(0).get("retries").asInt();
        Api.Response stillFailing = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR, "sequenceId", kettle), admin);
        assertThat(stillFailing.status()).as(stillFailing.toString()).isEqualTo(200);
        assertThat(stillFailing.body().get("processed").asLong()).isZero();
        assertThat(stillFailing.body().get("stillParked").asLong()).isEqualTo(2);
        assertThat(letters(kettle).get(0).get("retries").asInt()).isGreaterThan(retries);

        restoreRow(row);
        Api.Response healed = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR), admin);
        assertThat(healed.status()).as(healed.toString()).isEqualTo(200);
        assertThat(healed.body().get("processed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(letters(kettle)).isEmpty();
        JsonNode view = api.get("/api/v1/products/" + kettle).body();
        assertThat(view.get("name").asText()).isEqualTo("Copper Kettle XL");
        assertThat(view.get("priceCents").asLong()).isEqualTo(4_900);

        // as if nothing had happened: a rebuild from the log (which also clears the queue) gives the same rows
        List<Map<String, Object>> rows = jdbc.queryForList("select * from product_view where id in (?, ?) order by id", kettle, pan);
        StreamingEventProcessor products = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        products.shutDown();
        products.resetTokens();
        products.start();
        assertThat(gate.await(status.head(), Duration.ofSeconds(60))).isTrue();
        assertThat(jdbc.queryForList("select * from product_view where id in (?, ?) order by id", kettle, pan)).isEqualTo(rows);
    }

    @Test
    void aTransientCauseHealsWithoutAnOperator() throws Exception {
        String lamp = product("Lamp");
        Map<String, Object> row = removeRow(lamp);
        appendUpdate(row, "Desk Lamp", 2_500);
        await(() -> letters(lamp).size() == 1, "the lamp's update parked");
        restoreRow(row); // e.g. a row another transaction had not committed yet
        await(() -> letters(lamp).isEmpty(), "the automatic retry projected it");
        assertThat(api.get("/api/v1/products/" + lamp).body().get("name").asText()).isEqualTo("Desk Lamp");
    }

    /**
     * A brand too long for its column: PostgreSQL refuses the row and aborts the batch's transaction, so the letter
     * cannot be written in it. The batch is rolled back once and the event parked when it comes again; its retries
     * fail the same way and are still counted.
     */
    @Test
    void aFailureThatDoomsTheTransactionIsParkedAndCanBeEvicted() throws Exception {
        String mug = product("Mug");
        Map<String, Object> row = jdbc.queryForMap("select * from product_view where id = ?", mug);
        String skipped = appendUpdate(row, "Mug", 1_000, "B".repeat(150));
        await(() -> letters(mug).size() == 1, "the mug's update parked");
        JsonNode letter = letters(mug).get(0);
        assertThat(letter.get("cause").asText()).contains("too long");
        await(() -> "UP".equals(api.get("/actuator/health").body().at("/components/projections/status").asText()),
                "the processor past its one failed batch");
        String other = product("Cup");
        assertThat(api.get("/api/v1/products/" + other).status()).isEqualTo(200);

        Api.Response retried = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR, "sequenceId", mug), admin);
        assertThat(retried.body().get("processed").asLong()).as(retried.toString()).isZero();
        assertThat(retried.body().get("stillParked").asLong()).isEqualTo(1);
        assertThat(letters(mug).get(0).get("retries").asInt()).as("counted although its transaction was lost")
                .isGreaterThan(letter.get("retries").asInt());
        assertThat(letters(mug).get(0).get("cause").asText()).contains("too long");

        String id = letter.get("id").asText();
        assertThat(api.delete(LETTERS + "/" + id, vendor).status()).isEqualTo(403);
        assertThat(api.delete(LETTERS + "/" + id, admin).status()).isEqualTo(204);
        assertThat(letters(mug)).isEmpty();
        assertThat(api.delete(LETTERS + "/" + id, admin).code()).isEqualTo("not_found");
        Map<String, Object> evicted = jdbc.queryForMap("select convert_from(payload, 'UTF8') as payload, "
                + "convert_from(meta_data, 'UTF8') as meta from domain_event_entry where payload_type = "
                + "'dev.stoa.api.platform.DeadLetterEvicted' and convert_from(payload, 'UTF8') like ?", "%" + id + "%");
        assertThat(evicted.get("payload").toString()).contains(PROCESSOR, skipped, ProductUpdated.class.getName(), "too long");
        assertThat(evicted.get("meta").toString()).contains(adminId);
        assertThat(api.get("/api/v1/products/" + mug).body().get("brand").asText()).isEqualTo("Parker");
    }

    @Test
    void unknownProcessorsLettersAndBadRequestsAreProblems() {
        assertThat(api.get(LETTERS + "?processor=no-such-processor", admin).code()).isEqualTo("not_found");
        assertThat(api.get(LETTERS + "?limit=0", admin).code()).isEqualTo("validation_failed");
        assertThat(api.get(LETTERS + "?limit=101", admin).status()).isEqualTo(400);
        JsonNode page = api.get(LETTERS + "?limit=5&offset=0", admin).body();
        assertThat(page.get("limit").asInt()).isEqualTo(5);
        assertThat(page.has("total")).isTrue();
        assertThat(api.get(LETTERS, vendor).status()).isEqualTo(403);
        assertThat(api.post(LETTERS + "/retry", Map.of(), admin).code()).isEqualTo("validation_failed");
        assertThat(api.post(LETTERS + "/retry", Map.of("processor", "no-such-processor"), admin).code()).isEqualTo("not_found");
        assertThat(api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR, "sequenceId", UUID.randomUUID().toString()),
                admin).code()).isEqualTo("not_found");
        Api.Response unknown = api.delete(LETTERS + "/" + UUID.randomUUID(), admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
    }

    private String product(String name) {
        return catalog.create(vendor, Catalog.product(unique(name.toUpperCase()), name, 1_000, category, "Parker"));
    }

    /** The read-model row goes missing, so the next update of the product fails in its handler. */
    private Map<String, Object> removeRow(String productId) {
        Map<String, Object> row = jdbc.queryForMap("select * from product_view where id = ?", productId);
        jdbc.update("delete from product_view where id = ?", productId);
        return row;
    }

    private void restoreRow(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        jdbc.update("insert into product_view (" + columns + ") values (" + marks + ")", row.values().toArray());
    }

    private String appendUpdate(Map<String, Object> row, String name, long priceCents) {
        return appendUpdate(row, name, priceCents, "Parker");
    }

    /** Appends an update of the product (its row as it was) to its stream, as its aggregate would; returns the event id. */
    private String appendUpdate(Map<String, Object> row, String name, long priceCents, String brand) {
        String productId = (String) row.get("id");
        Map<String, Object> last = jdbc.queryForMap("select type, sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1", productId);
        ProductUpdated update = new ProductUpdated(new ProductId(productId), (String) row.get("sku"), (String) row.get("slug"),
                name, null, priceCents, null, "USD", new CategoryId(category), brand, 250, true);
        var event = new GenericDomainEventMessage<>((String) last.get("type"), productId,
                ((Number) last.get("sequence_number")).longValue() + 1, update);
        tx.executeWithoutResult(s -> eventStore.publish(event));
        return event.getIdentifier();
    }

    private List<JsonNode> letters(String sequenceId) {
        JsonNode page = api.get(LETTERS + "?processor=" + PROCESSOR + "&limit=100", admin).body();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(l -> l.get("sequenceId").asText().equals(sequenceId)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
