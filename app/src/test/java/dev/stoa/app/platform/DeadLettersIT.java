package dev.stoa.app.platform;

import static dev.stoa.app.support.PoisonedProducts.LETTERS;
import static dev.stoa.app.support.PoisonedProducts.PROCESSOR;
import static dev.stoa.app.support.PoisonedProducts.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.deadletter.DeadLetters;
import dev.stoa.app.platform.health.ProcessorStatus;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.PoisonedProducts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poison event (an update of a product whose read-model row is missing) parks in the product read model's
 * dead-letter queue with its cause, later events of that product queue behind it, other products (even in the
 * same segment) are still projected, and health stays UP. Once the row is back, a retry (by an admin, or on its
 * own) projects the parked events as if nothing had happened.
 */
class DeadLettersIT extends ApiTest {
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventProcessingConfiguration processing;
    @Autowired ProjectionGate gate;
    @Autowired ProcessorStatus status;
    @Autowired DeadLetters deadLetters;
    private String admin;
    private PoisonedProducts products;

    @BeforeEach
    void actors() {
        admin = tokenFor("admin");
        products = new PoisonedProducts(api, admin, tokenFor("vendor"), context);
    }

    @Test
    void aPoisonEventParksWhileOthersGoOnAndARetryProjectsItAsIfNothingHappened() throws Exception {
        String kettle = products.product("Kettle");
        Map<String, Object> row = products.removeRow(kettle);
        String poison = products.appendUpdate(row, "Copper Kettle", 4_100, "Parker");
        String behind = products.appendUpdate(row, "Copper Kettle XL", 4_900, "Parker");

        String pan = products.productBeside(kettle); // projected although the kettle's events fail
        assertThat(api.get("/api/v1/products/" + pan).status()).isEqualTo(200);
        await(() -> products.letters(kettle).size() == 2, "both kettle events parked");
        List<JsonNode> parked = products.letters(kettle);
        assertThat(parked).extracting(l -> l.get("eventId").asText()).containsExactly(poison, behind);
        JsonNode head = parked.get(0);
        assertThat(head.get("processor").asText()).isEqualTo(PROCESSOR);
        assertThat(head.get("type").asText()).isEqualTo(ProductUpdated.class.getName());
        assertThat(head.get("cause").asText()).contains("EntityNotFoundException", kettle);
        assertThat(head.get("parkedAt").asText()).isNotBlank();
        assertThat(parked.get(1).get("cause").isNull()).as("waits behind the first").isTrue();
        assertThat(deadLetters.processorsWithLetters()).as("what the automatic retry asks").contains(PROCESSOR);

        // retried on its own while the cause is still there: counted, still parked, still with its cause
        await(() -> products.letters(kettle).get(0).get("retries").asInt() >= 1, "an automatic retry");
        assertThat(products.letters(kettle).get(0).get("cause").asText()).contains(kettle);
        JsonNode health = api.get("/actuator/health", admin).body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/projections/details/" + PROCESSOR + "/deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/actuator/prometheus", tokenFor("admin")).raw()).contains("stoa_dead_letters{processor=\"" + PROCESSOR + "\"}");

        int retries = products.letters(kettle).get(0).get("retries").asInt();
        Api.Response stillFailing = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR, "sequenceId", kettle), admin);
        assertThat(stillFailing.status()).as(stillFailing.toString()).isEqualTo(200);
        assertThat(stillFailing.body().get("processed").asLong()).isZero();
        assertThat(stillFailing.body().get("stillParked").asLong()).isEqualTo(2);
        assertThat(products.letters(kettle).get(0).get("retries").asInt()).isGreaterThan(retries);

        products.restoreRow(row);
        Api.Response healed = api.post(LETTERS + "/retry", Map.of("processor", PROCESSOR), admin);
        assertThat(healed.status()).as(healed.toString()).isEqualTo(200);
        assertThat(healed.body().get("processed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(products.letters(kettle)).isEmpty();
        assertThat(deadLetters.processorsWithLetters()).doesNotContain(PROCESSOR);
        JsonNode view = api.get("/api/v1/products/" + kettle).body();
        assertThat(view.get("name").asText()).isEqualTo("Copper Kettle XL");
        assertThat(view.get("priceCents").asLong()).isEqualTo(4_900);

        // as if nothing had happened: a rebuild from the log (which also clears the queue) gives the same rows
        List<Map<String, Object>> rows = jdbc.queryForList("select * from product_view where id in (?, ?) order by id", kettle, pan);
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        assertThat(gate.await(status.head(), Duration.ofSeconds(60))).isTrue();
        assertThat(jdbc.queryForList("select * from product_view where id in (?, ?) order by id", kettle, pan)).isEqualTo(rows);
    }

    @Test
    void aTransientCauseHealsWithoutAnOperator() throws Exception {
        String lamp = products.product("Lamp");
        Map<String, Object> row = products.removeRow(lamp);
        products.appendUpdate(row, "Desk Lamp", 2_500, "Parker");
        await(() -> products.letters(lamp).size() == 1, "the lamp's update parked");
        products.restoreRow(row); // e.g. a row another transaction had not committed yet
        await(() -> products.letters(lamp).isEmpty(), "the automatic retry projected it");
        assertThat(api.get("/api/v1/products/" + lamp).body().get("name").asText()).isEqualTo("Desk Lamp");
    }

    @Test
    void unknownProcessorsLettersAndBadRequestsAreProblems() {
        String vendor = tokenFor("vendor");
        assertThat(api.get(LETTERS + "?processor=no-such-processor", admin).code()).isEqualTo("not_found");
        // the audit log runs here but parks nothing (it said "not found in this process"); it counts no letter
        Api.Response auditLog = api.get(LETTERS + "?processor=audit-log", admin);
        assertThat(auditLog.code()).isEqualTo("not_found");
        assertThat(auditLog.body().get("detail").asText()).contains("parks no event");
        assertThat(api.get("/actuator/prometheus", admin).raw()).contains("stoa_dead_letters{processor=\"audit-log\"} 0.0");
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
}
