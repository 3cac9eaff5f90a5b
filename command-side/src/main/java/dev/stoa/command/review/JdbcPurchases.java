package dev.stoa.command.review;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderLine;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers from {@code review_purchase} ({@link PurchaseLedger}). A "no" is made exact before it is given: if the
 * ledger's processor runs in this process and has not yet reached the newest event, this waits (at most
 * {@code stoa.reviews.purchase-wait}) until it has and asks again, so an order confirmed a moment ago, also by
 * another request or process, counts. Only refusals wait; a verified buyer never does.
 */
@Component
class JdbcPurchases implements Purchases {
    private static final long POLL_MILLIS = 20;
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Duration wait;

    JdbcPurchases(JdbcTemplate jdbc, EventStore events, ObjectProvider<EventProcessingConfiguration> processing,
                  @Value("${stoa.reviews.purchase-wait:2s}") Duration wait) {
        this.jdbc = jdbc;
        this.events = events;
        this.processing = processing;
        this.wait = wait;
    }

    @Override
    public boolean hasBought(String userId, ProductId productId) {
        if (bought(userId, productId)) return true;
        return caughtUp() && bought(userId, productId);
    }

    @Override
    public boolean productExists(ProductId productId) {
        return events.readEvents(productId.value(), 0).hasNext();
    }

    /** The vendor the product was created for (its first event); a vendor cannot move its product to another. */
    @Override
    public boolean sells(String userId, ProductId productId) {
        var history = events.readEvents(productId.value(), 0);
        return history.hasNext() && history.next().getPayload() instanceof ProductCreated created
                && created.vendorId().value().equals(userId);
    }

    private boolean bought(String userId, ProductId productId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from review_purchase where buyer_id = ? "
                + "and item_type = ? and item_id = ? and status = 'confirmed')", Boolean.class, userId, OrderLine.PRODUCT,
                productId.value()));
    }

    /** Waits until the ledger has handled every event stored now; false if it cannot tell or does not get there in time. */
    private boolean caughtUp() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return false;
        var processor = config.eventProcessor(PurchaseLedger.NAME, StreamingEventProcessor.class).orElse(null);
        TrackingToken head = events.createHeadToken();
        if (processor == null || !processor.isRunning() || head == null) return false;
        long target = head.position().orElse(-1);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (reached(processor.processingStatus(), target)) return true;
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Every segment of the processor claimed here has passed {@code target} (none claimed here: cannot tell). */
    private static boolean reached(Map<Integer, EventTrackerStatus> segments, long target) {
        if (segments.isEmpty()) return false;
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState()) return false;
            OptionalLong position = status.getCurrentPosition();
            if (position.isEmpty() || position.getAsLong() < target) return false;
        }
        return true;
    }
}
