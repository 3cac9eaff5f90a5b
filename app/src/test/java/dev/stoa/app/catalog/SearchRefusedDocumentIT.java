package dev.stoa.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search document Elasticsearch refuses for itself no longer stops product search. Such a product's event reaches
 * the projection here as it did before the API refused NUL (an event stored by an older version, or a value a mapping
 * cannot take): ES refuses the document with a 400. Before, the batch was written at its end and failed again and
 * again, forever: no product created later was ever found. Now that batch fails once; when it comes again, the refused
 * product's change is written in its own event's handler, so that event alone is parked as a dead letter of
 * product-search (with ES's cause) and everything else is indexed.
 */
class SearchRefusedDocumentIT extends ApiTest {
    @Autowired
    EventStore eventStore;

    @Test
    void aDocumentElasticsearchRefuses_isParked_andSearchGoesOn() {
        String tag = unique("refused").toLowerCase().replace("-", "");
        ProductId poisoned = ProductId.random();
        eventStore.publish(new GenericDomainEventMessage<>("Product", poisoned.value(), 0,
                new ProductCreated(poisoned, UserId.random(), "NUL-" + tag, "nul-" + tag, "Nul\u0000lamp " + tag,
                        "d", 1_000, null, "USD", null, "Acme", null, true)));
        String admin = tokenFor("admin");
        try {
            refusedThenParked(tag, poisoned, admin);
        } finally { // evicted, so that no other test finds this product's letters (product-read-model parked it too)
            for (String processor : List.of("product-search", "product-read-model"))
                for (JsonNode letter : letters(processor, admin))
                    if (letter.get("sequenceId").asText().equals(poisoned.value()))
                        api.delete("/api/v1/admin/dead-letters/" + letter.get("id").asText(), admin);
        }
    }

    private void refusedThenParked(String tag, ProductId poisoned, String admin) {
        String later = new Catalog(api).create(tokenFor("vendor"), Catalog.product(unique("AFTER"), "Zebra lamp " + tag, 1_500,
                null, "Acme"));

        Await.until(() -> ids(api.get("/api/v1/search?q=" + tag)).contains(later), Duration.ofSeconds(60),
                "the product created after the refused one is found");
        Await.until(() -> letters("product-search", admin).stream().anyMatch(l -> l.get("sequenceId").asText().equals(poisoned.value())),
                Duration.ofSeconds(60), "the refused product's event parked in product-search");
        JsonNode parked = letters("product-search", admin).stream().filter(l -> l.get("sequenceId").asText().equals(poisoned.value()))
                .findFirst().orElseThrow();
        assertThat(parked.get("type").asText()).isEqualTo(ProductCreated.class.getName());
        assertThat(parked.get("cause").asText()).as("Elasticsearch's own reason").contains("search index", "400");
        assertThat(ids(api.get("/api/v1/search?q=" + tag))).doesNotContain(poisoned.value());
    }

    private List<JsonNode> letters(String processor, String admin) {
        Api.Response r = api.get("/api/v1/admin/dead-letters?processor=" + processor + "&limit=100", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(Api.Response search) {
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        return search.body().get("items").findValuesAsText("id");
    }
}
