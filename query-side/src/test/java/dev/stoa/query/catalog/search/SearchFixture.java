package dev.stoa.query.catalog.search;

import dev.stoa.testsupport.TestElasticsearch;
import dev.stoa.testsupport.EventBatch;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUpdated;
import dev.stoa.api.catalog.SearchResult;
import dev.stoa.api.catalog.SuggestCatalog;
import dev.stoa.api.identity.UserId;
import dev.stoa.projection.catalog.search.ProductSearchProjection;
import dev.stoa.projection.catalog.search.SearchIndexAdmin;
import dev.stoa.projection.catalog.search.SearchIndices;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A projection writing to its own index and a query handler reading it, wired by hand (no Spring). Events get
 * increasing global positions unless a test gives them.
 */
final class SearchFixture {
    static final UserId VENDOR = UserId.random();

    final ElasticsearchClient client = TestElasticsearch.client();
    final SearchIndices indices = new SearchIndices(TestElasticsearch.uniquePrefix());
    final ProductSearchProjection projection = new ProductSearchProjection(client, new SearchIndexAdmin(client, indices));
    final CatalogSearchQueryHandler handler;
    private long position;

    SearchFixture() {
        SearchTargets targets = new SearchTargets(indices);
        handler = new CatalogSearchQueryHandler(client, targets, new CatalogSuggester(client, targets),
                new FlatCategories()); // a category is its own subtree here (no categories below)
    }

    static ProductCreated product(String name, String brand, long priceCents, CategoryId category) {
        ProductId id = ProductId.random();
        return new ProductCreated(id, VENDOR, "SKU-" + id.value().substring(0, 8), name.toLowerCase().replace(' ', '-'),
                name, "A fine " + name.toLowerCase() + " by " + brand, priceCents, null, "EUR", category, brand,
                500, true);
    }

    static ProductUpdated renamed(ProductCreated c, String name) {
        return new ProductUpdated(c.productId(), c.sku(), c.slug(), name, c.description(), c.priceCents(), null,
                c.currency(), c.categoryId(), c.brand(), c.weightGrams(), true);
    }

    /** Handles the events as one processor batch at the next positions. */
    void handle(Object... events) throws Throwable {
        EventBatch batch = EventBatch.to(projection);
        for (Object event : events) batch.at(++position, event);
        batch.handle();
    }

    /** Creates a product at the next position, stamped {@code at}. */
    ProductCreated create(ProductCreated created, Instant at) throws Throwable {
        EventBatch.to(projection).at(++position, created, at).handle();
        return created;
    }

    SearchResult search(Search query) throws IOException { return handler.search(query.build()); }

    List<String> names(Search query) throws IOException {
        return search(query).items().stream().map(SearchResult.Hit::name).toList();
    }

    List<String> suggest(String prefix) throws IOException {
        return handler.suggest(new SuggestCatalog(prefix, 10)).suggestions().stream()
                .map(SuggestCatalog.Suggestion::text).toList();
    }
}
