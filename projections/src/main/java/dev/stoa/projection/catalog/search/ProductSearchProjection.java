package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.inventory.InventoryOpened;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;
import dev.stoa.api.inventory.StockReservationReduced;
import dev.stoa.api.inventory.StockReservationReleased;
import dev.stoa.api.inventory.StockReserved;
import dev.stoa.api.inventory.StockReturned;
import dev.stoa.api.inventory.ReturnedStockRestocked;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.review.ReviewDeleted;
import dev.stoa.api.review.ReviewEdited;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.api.review.ReviewRemoved;
import dev.stoa.api.review.ReviewWithdrawn;
import dev.stoa.projection.platform.RefusedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps one search document per product in the products index. Handlers only record what changed; the processor's
 * batch is written at its prepare-commit in one bulk request, before the token moves on, so a batch is searchable
 * once it commits and is retried whole if the write fails. Needs a streaming (tracking or pooled) processor: the
 * {@link TrackingToken} gives each change its global position, the document version that makes writes idempotent.
 * A document Elasticsearch refuses for what it holds parks the events that changed it, not the projection
 * ({@link RefusedDocuments}); the processor's sequencing policy, {@link ProductDocumentSequencing}, keeps each
 * product's events in one sequence for that.
 */
@Component
@ProcessingGroup(ProductSearchProjection.PROCESSING_GROUP)
public class ProductSearchProjection {
    public static final String PROCESSING_GROUP = "product-search";
    /**
     * {@code true}: refresh the shard at the end of each bulk. {@code wait_for} would park every batch until the
     * next scheduled refresh (up to 1 s), which the processor (and so every read-your-writes request) would wait on.
     */
    static final Refresh REFRESH = Refresh.True;

    private final SearchIndexAdmin admin;
    private final ProductIndexWriter writer;
    private final RefusedDocuments refused = new RefusedDocuments("search index");
    /** Per instance, so two projections (two index prefixes in a test) in one unit of work never share a batch. */
    private final String batchKey = getClass().getName() + ".batch@" + System.identityHashCode(this);

    public ProductSearchProjection(ElasticsearchClient client, SearchIndexAdmin admin) {
        this.admin = admin;
        this.writer = new ProductIndexWriter(client, admin, REFRESH);
    }

    @EventHandler
    public void on(ProductCreated e, TrackingToken token, @Timestamp Instant at) {
        ProductDocument created = ProductDocument.created(e, at);
        record(e.productId(), token, true, ignored -> created);
    }

    @EventHandler
    public void on(ProductUpdated e, TrackingToken token) {
        record(e.productId(), token, false, doc -> doc.updated(e));
    }

    @EventHandler
    public void on(ProductUnlisted e, TrackingToken token) {
        record(e.productId(), token, false, doc -> doc.unlisted());
    }

    /**
     * Stock: whether from a product's own stream (before inventories existed) or from its inventory; one segment
     * handles them in the order they were stored. The index keeps only {@code inStock} (what a hit shows; no search
     * filters, sorts or counts by it, which the read cache relies on: see {@code StockScoped}), so a stock event is
     * written only when it may flip it ({@link #mayFlipInStock}): a reservation that leaves units available, or a
     * release onto a stock that had some, changes nothing the index holds, and is not re-indexed (each write costs a
     * refresh of the shard, and checkout reserves on every order).
     */
    @EventHandler
    public void on(InventoryOpened e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(StockReserved e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(StockReservationReleased e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(StockReservationReduced e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(StockReturned e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(ReturnedStockRestocked e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(StockAdjusted e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    @EventHandler
    public void on(ProductRestocked e, TrackingToken token) { inStock(e, e.productId(), token, e.available()); }

    /**
     * Whether a stock event may flip the product's {@code inStock}: only then is it written (and, for
     * {@link ProductDocumentSequencing}, a change of the document that must wait behind a parked one).
     */
    static boolean mayFlipInStock(Object event) {
        return switch (event) {
            case InventoryOpened e -> true;
            case ProductRestocked e -> true;
            case StockReserved e -> e.available() <= 0; // the last units went
            case StockReservationReleased e -> e.available() - e.quantity() <= 0; // none were left before
            case StockReservationReduced e -> e.available() - e.quantity() <= 0;
            case StockReturned e -> e.available() - e.quantity() <= 0;
            case ReturnedStockRestocked e -> e.available() - e.quantity() <= 0;
            case StockAdjusted e -> (e.previousOnHand() - e.reserved() > 0) != (e.available() > 0);
            default -> false;
        };
    }

    private void inStock(Object event, ProductId id, TrackingToken token, int available) {
        if (mayFlipInStock(event)) record(id, token, false, doc -> doc.withInStock(available > 0));
    }

    /** Ratings: every review event carries the product's rating after it. */
    @EventHandler
    public void on(ReviewPosted e, TrackingToken token) { rated(e.productId(), e.productRating(), token); }

    @EventHandler
    public void on(ReviewEdited e, TrackingToken token) { rated(e.productId(), e.productRating(), token); }

    @EventHandler
    public void on(ReviewDeleted e, TrackingToken token) { rated(e.productId(), e.productRating(), token); }

    @EventHandler
    public void on(ReviewRemoved e, TrackingToken token) { rated(e.productId(), e.productRating(), token); }

    @EventHandler
    public void on(ReviewWithdrawn e, TrackingToken token) { rated(e.productId(), e.productRating(), token); }

    private void rated(ProductId id, RatingSummary rating, TrackingToken token) {
        record(id, token, false, doc -> doc.withRating(rating.average(), rating.count()));
    }

    /** A replay starts from an empty index; documents come back as the events are handled again. */
    @ResetHandler
    public void onReset() {
        admin.recreateIndex();
        refused.forget();
    }

    private void record(ProductId id, TrackingToken token, boolean creates, UnaryOperator<ProductDocument> apply) {
        long position = token.position().orElseThrow(() -> new IllegalStateException(
                "product-search needs a token with a global position, got " + token));
        PendingChange change = new PendingChange(id.value(), position, creates, apply, RefusedDocuments.currentEvent());
        if (RefusedDocuments.writeAtOnce()) {
            refused.failIfRefused(writer.write(List.of(change)));
            return;
        }
        refused.parkIfNoted();
        batch().add(change);
    }

    /** The batch of the current unit of work, flushed once at its prepare-commit. */
    private List<PendingChange> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(batchKey, key -> {
            List<PendingChange> changes = new ArrayList<>();
            root.onPrepareCommit(u -> refused.noteAndFail(writer.write(changes), document -> changes.stream()
                    .filter(c -> c.productId().equals(document)).findFirst().map(PendingChange::eventId).orElse(null)));
            return changes;
        });
    }
}
