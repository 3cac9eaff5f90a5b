package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(metadata.get("correlationId")).as("the platform's id for the request, which the response names")
                .isEqualTo(created.header("X-Correlation-Id")).isNotEqualTo("req-" + key);
        // the client's own labels beside it, sealed with the user's key (the client may have put anything in them: in
        // clear before 2026-12-07, walkthrough Z11), and opened in the audit answers
        assertThat(metadata.get("clientCorrelationId").toString()).startsWith("pd2:").doesNotContain(key);
        assertThat(metadata.get("causationId")).isNotNull().isNotEqualTo(events.get(0).getIdentifier());
        assertThat(metadata.get("idempotencyKey").toString()).startsWith("pd2:").doesNotContain(key);
        JsonNode audited = api.get("/api/v1/audit/events?aggregateId=" + created.body().get("productId").asText(),
                tokenFor("auditor")).body().at("/items/0/metadata");
        assertThat(audited.get("clientCorrelationId").asText()).isEqualTo("req-" + key);
        assertThat(audited.get("idempotencyKey").asText()).isEqualTo(key);
    }

    /** What nobody signed in sent has nobody whose erasure its labels would follow: they are kept as sent. */
    @Test
    void aSignUpsLabelsStayAsSent() {
        String label = "signup-" + UUID.randomUUID();
        Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", unique("label") + "@example.org",
                "password", "correct horse 42", "firstName", "La", "lastName", "Bel"), null, Map.of("X-Correlation-Id", label));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(registered.body().get("userId").asText()).forEachRemaining(events::add);
        assertThat(events.get(0).getMetaData().get("clientCorrelationId")).isEqualTo(label);
        assertThat(events.get(0).getMetaData().get("userId")).isEqualTo("anonymous");
    }

    @Test
    void aClientCannotPutItsEventsInAnotherRequestsChain() {
        String victim = UUID.randomUUID().toString(), intruder = UUID.randomUUID().toString();
        Api.Response first = api.post("/api/v1/products", Catalog.product(unique("CHAIN"), "Chain", 100, null, "B"),
                tokenAs(victim, "vendor"), Map.of("X-Correlation-Id", "shared-label"));
        assertThat(first.status()).isEqualTo(201);
        String chain = first.header("X-Correlation-Id");
        // the intruder knows the victim's chain (a leaked log line, a support ticket) and sends it as its own id
        Api.Response second = api.post("/api/v1/products", Catalog.product(unique("CHAIN"), "Intruder", 100, null, "B"),
                tokenAs(intruder, "vendor"), Map.of("X-Correlation-Id", chain));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("X-Correlation-Id")).isNotEqualTo(chain);

        Api.Response byChain = api.get("/api/v1/audit/events?correlationId=" + chain + "&limit=100", tokenFor("auditor"));
        assertThat(byChain.status()).isEqualTo(200);
        List<String> who = new ArrayList<>(), products = new ArrayList<>(), labels = new ArrayList<>();
        byChain.body().get("items").forEach(e -> {
            who.add(e.at("/metadata/userId").asText());
            products.add(e.get("aggregateId").asText());
            labels.add(e.at("/metadata/clientCorrelationId").asText());
        });
        String victims = first.body().get("productId").asText(), intruders = second.body().get("productId").asText();
        assertThat(products).as("the victim's request only: its product, and the inventory the product opened")
                .contains(victims).allMatch(id -> id.endsWith(victims)).noneMatch(id -> id.endsWith(intruders));
        assertThat(who).containsOnly(victim);
        assertThat(labels).containsOnly("shared-label");
    }

    /** A client that never got its answer knows only the id it sent: the log finds what its request did by it. */
    @Test
    void theLogIsFilteredByTheClientsOwnId() {
        String vendor = UUID.randomUUID().toString(), label = "lost-answer-" + UUID.randomUUID();
        Api.Response created = api.post("/api/v1/products", Catalog.product(unique("LOST"), "Lost", 100, null, "B"),
                tokenAs(vendor, "vendor"), Map.of("X-Correlation-Id", label));
        assertThat(created.status()).isEqualTo(201);
        String product = created.body().get("productId").asText();
        Api.Response byLabel = api.get("/api/v1/audit/events?clientCorrelationId=" + label + "&userId=" + vendor
                + "&limit=100", tokenFor("auditor"));
        assertThat(byLabel.status()).as(byLabel.toString()).isEqualTo(200);
        List<String> aggregates = new ArrayList<>(), chains = new ArrayList<>();
        byLabel.body().get("items").forEach(e -> {
            aggregates.add(e.get("aggregateId").asText());
            chains.add(e.at("/metadata/correlationId").asText());
        });
        assertThat(aggregates).as("the product and the inventory it opened").contains(product)
                .allMatch(id -> id.endsWith(product));
        assertThat(chains).as("the request's chain, by the platform's id").containsOnly(created.header("X-Correlation-Id"));
        assertThat(api.get("/api/v1/audit/events?clientCorrelationId=" + label + "-other", tokenFor("auditor"))
                .body().get("items")).isEmpty();
    }
}
