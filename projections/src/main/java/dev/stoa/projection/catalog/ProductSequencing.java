package dev.stoa.projection.catalog;

import dev.stoa.api.review.ReviewDeleted;
import dev.stoa.api.review.ReviewEdited;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.api.review.ReviewRemoved;
import dev.stoa.api.review.ReviewWithdrawn;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * Sequencing of {@code product-read-model} (named in application.yml): a product's review events go with the product's
 * own events (same sequence, so the same segment, in the order stored), so a review's rating never lands before its
 * product exists, also in a replay with several segments. Every other event per aggregate, as by default: the
 * sequence is the product id as a string, the aggregate identifier of the product's events.
 */
@Component(ProductSequencing.BEAN)
public class ProductSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN = "productSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return switch (event.getPayload()) {
            case ReviewPosted e -> e.productId().value();
            case ReviewEdited e -> e.productId().value();
            case ReviewDeleted e -> e.productId().value();
            case ReviewRemoved e -> e.productId().value();
            case ReviewWithdrawn e -> e.productId().value();
            default -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        };
    }
}
