package dev.stoa.projection.catalog.search;

import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.inventory.StockScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * Sequencing of {@code product-search} (named in application.yml): one sequence per search document. Every event it
 * writes is {@link ProductScoped}: the product's own, its inventory's and its reviews' events share the product's id as
 * their sequence. So when an event is parked (a document Elasticsearch refused, see
 * {@link dev.stoa.projection.platform.RefusedDocuments}), the document's later changes, whichever aggregate made them,
 * queue behind it, and no other sequence writes that document meanwhile. A stock event that cannot change the document
 * (a reservation that leaves units available, see {@link ProductSearchProjection#mayFlipInStock}) is a sequence of its
 * own: it waits behind nothing and no one waits behind it, so a parked product that goes on selling does not fill its
 * sequence (Axon's queue takes 1024 letters a sequence; beyond, the processor stops). Any other event per aggregate.
 */
@Component(ProductDocumentSequencing.BEAN)
public class ProductDocumentSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN = "productDocumentSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof StockScoped && !ProductSearchProjection.mayFlipInStock(payload)) return event.getIdentifier();
        return payload instanceof ProductScoped scoped ? scoped.productId().value()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
