package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every stored event says who caused it, in which request, from which command, with which key. */
class MessageMetadataIT extends ApiTest {
    @Autowired
    EventStore eventStore;

    @Test
    void eventsCarryUserCorrelationCausationAndIdempotencyKey() {
        String vendorId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        Api.Response created = api.post("/api/v1/products", Catalog.product(unique("META"), "Meta", 100, null, "B"),
                tokenAs(vendorId, "vendor"), Map.of("Idempotency-Key", key, "X-Correlation-Id", "req-" + key));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Stoa-Position")).matches("\\d+");
        assertThat(created.header("X-Stoa-Consistency")).isEqualTo("consistent");

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(created.body().get("productId").asText()).forEachRemaining(events::add);
        assertThat(events).hasSize(1);
        var metadata = events.get(0).getMetaData();
        assertThat(metadata.get("userId")).isEqualTo(vendorId);
        assertThat(metadata.get("correlationId")).isEqualTo("req-" + key);
        assertThat(metadata.get("causationId")).isNotNull().isNotEqualTo(events.get(0).getIdentifier());
        assertThat(metadata.get("idempotencyKey")).isEqualTo(key);
    }
}
