package dev.stoa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUpdated;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Realistic poison for the product read model, removable without test code in main: an update of a product whose
 * read-model row is missing (put back to heal it), or one the database refuses; and what the dead-letter API shows.
 */
public final class PoisonedProducts {
    public static final String PROCESSOR = "product-read-model";
    public static final String LETTERS = "/api/v1/admin/dead-letters";
    private final Api api;
    private final String admin;
    private final String vendor;
    private final String category;
    private final ApplicationContext context;
    private final JdbcTemplate jdbc;

    public PoisonedProducts(Api api, String admin, String vendor, ApplicationContext context) {
        this.api = api;
        this.admin = admin;
        this.vendor = vendor;
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        String tag = "dlq-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        this.category = new Catalog(api).category(admin, "Dead letters " + tag, tag, null);
    }

    public String product(String name) {
        String sku = name.toUpperCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new Catalog(api).create(vendor, Catalog.product(sku, name, 1_000, category, "Parker"));
    }

    /** A new product that the processor handles in the same segment (thread, batches) as {@code other}. */
    public String productBeside(String other) {
        Segment segment = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values().stream().map(EventTrackerStatus::getSegment)
                .filter(s -> s.matches(other.hashCode())).findFirst().orElseThrow();
        for (int i = 0; i < 20; i++) {
            String product = product("Pan");
            if (segment.matches(product.hashCode())) return product;
        }
        throw new AssertionError("no product in the segment of " + other);
    }

    public Map<String, Object> row(String productId) {
        return jdbc.queryForMap("select * from product_view where id = ?", productId);
    }

    /** The read-model row goes missing, so the next update of the product fails in its handler. */
    public Map<String, Object> removeRow(String productId) {
        Map<String, Object> row = row(productId);
        jdbc.update("delete from product_view where id = ?", productId);
        return row;
    }

    public void restoreRow(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        jdbc.update("insert into product_view (" + columns + ") values (" + marks + ")", row.values().toArray());
    }

    /** Appends an update of the product (its row as it was) to its stream, as its aggregate would; returns the event id. */
    public String appendUpdate(Map<String, Object> row, String name, long priceCents, String brand) {
        String productId = (String) row.get("id");
        Map<String, Object> last = jdbc.queryForMap("select type, sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1", productId);
        ProductUpdated update = new ProductUpdated(new ProductId(productId), (String) row.get("sku"), (String) row.get("slug"),
                name, null, priceCents, null, "USD", new CategoryId(category), brand, 250, true);
        var event = new GenericDomainEventMessage<>((String) last.get("type"), productId,
                ((Number) last.get("sequence_number")).longValue() + 1, update);
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.getBean(EventStore.class).publish(event));
        return event.getIdentifier();
    }

    /** The parked letters of one product (its sequence), oldest first. */
    public List<JsonNode> letters(String productId) {
        Api.Response response = api.get(LETTERS + "?processor=" + PROCESSOR + "&limit=100", admin);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.body().get("items").spliterator(), false)
                .filter(l -> l.get("sequenceId").asText().equals(productId)).toList();
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
