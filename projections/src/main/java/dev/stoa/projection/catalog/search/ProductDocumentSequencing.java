package dev.stoa.projection.catalog.search;

import dev.stoa.api.catalog.ProductScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * Sequencing of {@code product-search} (named in application.yml): one sequence per search document. Every event it
 * writes is {@link ProductScoped}: the product's own, its inventory's and its reviews' events share the product's id as
 * their sequence. So when an event is parked (a document Elasticsearch refused, see
 * {@link dev.stoa.projection.platform.RefusedDocuments}), the document's later changes, whichever aggregate made them,
 * queue behind it, and no other sequence writes that document meanwhile. Any other event per aggregate.
 */
@Component(ProductDocumentSequencing.BEAN)
public class ProductDocumentSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN = "productDocumentSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof ProductScoped scoped ? scoped.productId().value()
                : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
