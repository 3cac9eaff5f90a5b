package dev.stoa.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.ApiTest;
import dev.stoa.projection.catalog.CategoryProjection;
import dev.stoa.projection.catalog.ProductProjection;
import dev.stoa.testsupport.EventBatch;
import dev.stoa.query.catalog.CategoryQueryHandler;
import dev.stoa.query.catalog.ProductQueryHandler;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL projections fed events the way their processor feeds them (through Axon's handler adapter, in a
 * transaction), then read through the query handlers.
 */
class CatalogProjectionsIT extends ApiTest {
    @Autowired ProductProjection products;
    @Autowired CategoryProjection categories;
    @Autowired ProductQueryHandler productQueries;
    @Autowired CategoryQueryHandler categoryQueries;
    @Autowired TransactionTemplate tx;

    @Test
    void productEventsBuildTheProductView() {
        ProductId id = ProductId.random();
        UserId vendor = UserId.random();
        Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
        project(products, new ProductCreated(id, vendor, "P-1", "p-1", "Lamp", "Bright", 2_599L,
                3_000L, "EUR", null, "Luma", 900, true), t0);
        project(products, new ProductUpdated(id, "P-1", "p-1", "Desk Lamp", "Brighter", 2_499L,
                null, "EUR", null, "Luma", 950, true), t0.plusSeconds(3));

        ProductView view = productQueries.handle(new FindProductById(id));
        assertThat(view.name()).isEqualTo("Desk Lamp");
        assertThat(view.priceCents()).isEqualTo(2_499L);
        assertThat(view.compareAtPriceCents()).isNull();
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.vendorId()).isEqualTo(vendor.value());
        assertThat(view.stock().available()).as("no inventory open yet").isZero();
        assertThat(view.createdAt()).isEqualTo(t0);
        assertThat(view.updatedAt()).isEqualTo(t0.plusSeconds(3));

        project(products, new ProductUnlisted(id), t0.plusSeconds(4));
        assertThat(productQueries.handle(new FindProductById(id)).active()).isFalse();
        assertThat(productQueries.handle(new FindProducts(null, null, null, null, null, vendor.value(), null, null, null, 20, 0))
                .total()).isZero();
    }

    @Test
    void categoryEventsBuildAnOrderedTree() {
        CategoryId root = CategoryId.random();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CategoryId b = CategoryId.random();
        CategoryId a = CategoryId.random();
        project(categories, new CategoryCreated(root, "Root " + tag, "root-" + tag, null, null, 0), Instant.now());
        project(categories, new CategoryCreated(b, "B", "b-" + tag, root, null, 2), Instant.now());
        project(categories, new CategoryCreated(a, "A", "a-" + tag, root, "first", 1), Instant.now());

        CategoryNode node = categoryQueries.handle(new FindCategoryTree()).roots().stream()
                .filter(n -> n.id().equals(root.value())).findFirst().orElseThrow();
        assertThat(node.children()).extracting(CategoryNode::id).containsExactly(a.value(), b.value());
        assertThat(node.children().get(0).description()).isEqualTo("first");
    }

    /** One event, handled as the processor would handle it, in its own transaction. */
    private void project(Object projection, Object event, Instant at) {
        tx.executeWithoutResult(s -> {
            try {
                EventBatch.to(projection).at(0, event, at).handle();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
