package dev.stoa.query.catalog.search;

import dev.stoa.testsupport.EventBatch;
import static dev.stoa.query.catalog.search.SearchFixture.product;
import static dev.stoa.query.catalog.search.SearchFixture.renamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.SearchResult;
import dev.stoa.api.inventory.ProductRestocked;
import dev.stoa.api.inventory.StockAdjusted;
import org.junit.jupiter.api.Test;

/** What users see change as events arrive: new, unlisted and restocked products, and replays that change nothing. */
class CatalogSearchChangesTest {
    static final CategoryId GARDEN = CategoryId.random();

    final SearchFixture catalog = new SearchFixture(); // an index of its own per test

    @Test
    void created_isSearchableAsSoonAsItsBatchCommits() throws Throwable {
        catalog.handle(product("Garden Hose", "Verda", 2999, GARDEN));

        assertThat(catalog.names(Search.text("garden hose"))).containsExactly("Garden Hose"); // no manual refresh
        assertThat(catalog.suggest("hos")).containsExactly("Garden Hose");
    }

    @Test
    void unlisted_disappearsFromSearchAndSuggest() throws Throwable {
        ProductCreated hose = product("Garden Hose", "Verda", 2999, GARDEN);
        ProductCreated rake = product("Leaf Rake", "Verda", 1999, GARDEN);
        catalog.handle(hose, rake);

        catalog.handle(new ProductUnlisted(hose.productId()));

        assertThat(catalog.names(Search.all())).containsExactly("Leaf Rake");
        assertThat(catalog.names(Search.text("garden hose"))).isEmpty();
        assertThat(catalog.suggest("gar")).isEmpty();
        assertThat(catalog.suggest("verd")).containsExactly("Leaf Rake");
        assertThat(catalog.search(Search.all()).facets().brand()).singleElement()
                .satisfies(bucket -> assertThat(bucket.count()).isEqualTo(1));
    }

    @Test
    void restocked_showsInStock() throws Throwable {
        ProductCreated hose = product("Garden Hose", "Verda", 2999, GARDEN);
        catalog.handle(hose);
        assertThat(catalog.search(Search.all()).items()).singleElement()
                .satisfies(hit -> assertThat(hit.inStock()).isFalse()); // stock starts at zero

        catalog.handle(new ProductRestocked(hose.productId(), 5, 5, 0, 5));
        assertThat(catalog.search(Search.all()).items()).singleElement()
                .satisfies(hit -> assertThat(hit.inStock()).isTrue());

        catalog.handle(new StockAdjusted(hose.productId(), 5, 2, 2, 0, 0, "B2")); // all of it reserved
        assertThat(catalog.search(Search.all()).items()).singleElement()
                .satisfies(hit -> assertThat(hit.inStock()).isFalse());
    }

    @Test
    void replayingTheSameEvents_changesNothing() throws Throwable {
        ProductCreated hose = product("Garden Hose", "Verda", 2999, GARDEN);
        EventBatch.to(catalog.projection).at(1, hose).at(2, renamed(hose, "Garden Hose 20m")).handle();
        SearchResult before = catalog.search(Search.text("hose"));

        EventBatch.to(catalog.projection).at(1, hose).at(2, renamed(hose, "Garden Hose 20m")).handle();

        assertThat(catalog.search(Search.text("hose"))).isEqualTo(before);
    }

    @Test
    void olderEventsAfterNewerOnes_doNotOverwrite() throws Throwable {
        ProductCreated hose = product("Garden Hose", "Verda", 2999, GARDEN);
        EventBatch.to(catalog.projection).at(10, hose).at(12, renamed(hose, "Garden Hose 20m")).handle();

        EventBatch.to(catalog.projection).at(11, renamed(hose, "Garden Hose 10m")).handle();

        assertThat(catalog.names(Search.text("hose"))).containsExactly("Garden Hose 20m");
        assertThat(catalog.suggest("gar")).containsExactly("Garden Hose 20m");
    }

    @Test
    void reset_thenReplay_rebuildsTheSameResults() throws Throwable {
        ProductCreated hose = product("Garden Hose", "Verda", 2999, GARDEN);
        ProductCreated rake = product("Leaf Rake", "Verda", 1999, GARDEN);
        EventBatch.to(catalog.projection).at(1, hose).at(2, rake).at(3, new ProductUnlisted(rake.productId())).handle();
        SearchResult before = catalog.search(Search.all());

        catalog.projection.onReset();
        assertThat(catalog.search(Search.all()).total()).isZero();
        EventBatch.to(catalog.projection).at(1, hose).at(2, rake).at(3, new ProductUnlisted(rake.productId())).handle();

        assertThat(catalog.search(Search.all())).isEqualTo(before);
    }
}
