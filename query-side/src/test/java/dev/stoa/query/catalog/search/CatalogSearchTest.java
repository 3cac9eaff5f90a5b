package dev.stoa.query.catalog.search;

import static dev.stoa.api.catalog.ProductSort.*;
import static dev.stoa.query.catalog.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.catalog.SearchResult;
import dev.stoa.api.catalog.SearchResult.Bucket;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search over a small catalog built through the projection: matching, typos, filters, facets, sort, paging. Ratings
 * come from reviews only, so the rating filter, facet and sort are tested where reviews are written: ReviewRatingsIT
 * (app), through the HTTP API by verified buyers.
 */
class CatalogSearchTest {
    static final CategoryId AUDIO = CategoryId.random();
    static final CategoryId HOME = CategoryId.random();
    static SearchFixture catalog;

    @BeforeAll
    static void buildCatalog() throws Throwable {
        catalog = new SearchFixture();
        Instant day = Instant.parse("2026-10-01T00:00:00Z");
        catalog.create(product("Wireless Headphones", "Acme", 4999, AUDIO), day.plusSeconds(1));
        catalog.create(product("Studio Headphones", "Sonora", 12900, AUDIO), day.plusSeconds(2));
        catalog.create(product("Bluetooth Speaker", "Acme", 7999, AUDIO), day.plusSeconds(3));
        catalog.create(product("Desk Lamp", "Lumo", 2500, HOME), day.plusSeconds(4));
        catalog.create(product("Floor Lamp", "Lumo", 8900, HOME), day.plusSeconds(5));
        catalog.create(product("Espresso Machine", "Brewmax", 54900, HOME), day.plusSeconds(6));
        catalog.create(product("Cable Organizer", "Lumo", 799, HOME), day.plusSeconds(7));
        ProductCreated wired = catalog.create(product("Wired Headphones", "Acme", 1999, AUDIO), day.plusSeconds(8));
        catalog.handle(new ProductUnlisted(wired.productId()));
    }

    @Test
    void misspelledWords_findTheProduct() throws Exception {
        SearchResult result = catalog.search(Search.text("wireles hedphones"));

        assertThat(result.items()).first().satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("Wireless Headphones");
            assertThat(hit.type()).isEqualTo("product");
            assertThat(hit.priceCents()).isEqualTo(4999);
            assertThat(hit.rating()).isNull(); // no reviews
            assertThat(hit.score()).isPositive();
        });
    }

    /** One edit (a letter missing, added, replaced, or two swapped) from 4 letters on, two from 9, none below 4. */
    @Test
    void typos_oneEditFromFourLetters_twoFromNine() throws Exception {
        assertThat(catalog.names(Search.text("lapm"))).containsExactlyInAnyOrder("Desk Lamp", "Floor Lamp");
        assertThat(catalog.names(Search.text("espreso machne"))).containsExactly("Espresso Machine");
        assertThat(catalog.names(Search.text("speakr"))).containsExactly("Bluetooth Speaker");
        assertThat(catalog.names(Search.text("hedphnes"))).as("8 letters, 2 edits").isEmpty();
        assertThat(catalog.names(Search.text("hedphonnes"))).as("10 letters, 2 edits")
                .containsExactlyInAnyOrder("Wireless Headphones", "Studio Headphones");
        assertThat(catalog.names(Search.text("dsk"))).as("3 letters: exact only").isEmpty();
    }

    @Test
    void wordsMayComeFromDifferentFields_butEveryWordMustMatch() throws Exception {
        assertThat(catalog.names(Search.text("acme headphones"))).containsExactly("Wireless Headphones");
        assertThat(catalog.names(Search.text("headphones"))).containsExactlyInAnyOrder(
                "Wireless Headphones", "Studio Headphones"); // the unlisted wired ones never show
    }

    @Test
    void noText_listsEveryListedProductNewestFirst() throws Exception {
        SearchResult result = catalog.search(Search.all());

        assertThat(result.total()).isEqualTo(7);
        assertThat(result.items()).extracting(SearchResult.Hit::name).containsExactly("Cable Organizer",
                "Espresso Machine", "Floor Lamp", "Desk Lamp", "Bluetooth Speaker", "Studio Headphones",
                "Wireless Headphones");
        assertThat(result.items()).allSatisfy(hit -> assertThat(hit.score()).isZero());
    }

    @Test
    void facets_countTheWholeMatch() throws Exception {
        SearchResult.Facets facets = catalog.search(Search.all().page(1, 0)).facets();

        assertThat(facets.category()).extracting(Bucket::key, Bucket::count)
                .containsExactly(tuple(HOME.value(), 4L), tuple(AUDIO.value(), 3L));
        assertThat(facets.brand()).extracting(Bucket::key, Bucket::count)
                .containsExactly(tuple("Lumo", 3L), tuple("Acme", 2L), tuple("Brewmax", 1L), tuple("Sonora", 1L));
        assertThat(facets.price()).extracting(Bucket::key, Bucket::count, Bucket::from, Bucket::to).containsExactly(
                tuple("0-999", 1L, 0L, 1000L), tuple("1000-4999", 2L, 1000L, 5000L),
                tuple("5000-9999", 2L, 5000L, 10000L), tuple("10000-49999", 1L, 10000L, 50000L),
                tuple("50000-", 1L, 50000L, null));
    }

    @Test
    void facets_followTheFilters() throws Exception {
        SearchResult result = catalog.search(Search.all().brand("Acme"));

        assertThat(result.total()).isEqualTo(2);
        assertThat(result.facets().category()).extracting(Bucket::key, Bucket::count)
                .containsExactly(tuple(AUDIO.value(), 2L));
    }

    @Test
    void filters_byCategoryBrandAndPrice() throws Exception {
        assertThat(catalog.search(Search.all().category(HOME.value())).total()).isEqualTo(4);
        assertThat(catalog.names(Search.all().brand("Lumo"))).containsExactlyInAnyOrder(
                "Desk Lamp", "Floor Lamp", "Cable Organizer");
        // whatever its case, as the product list matches it (it matched nothing before 2026-12-06, eighth session)
        assertThat(catalog.names(Search.all().brand("lUMO"))).containsExactlyInAnyOrder(
                "Desk Lamp", "Floor Lamp", "Cable Organizer");
        assertThat(catalog.names(Search.all().price(2500L, 8900L).sort(PRICE_ASC))) // both bounds inclusive
                .containsExactly("Desk Lamp", "Wireless Headphones", "Bluetooth Speaker", "Floor Lamp");
        assertThat(catalog.names(Search.text("lamp").category(HOME.value()).price(null, 3000L)))
                .containsExactly("Desk Lamp");
    }

    @Test
    void sort_byPriceAndNewest() throws Exception {
        assertThat(catalog.search(Search.all().sort(PRICE_ASC)).items()).extracting(SearchResult.Hit::priceCents)
                .containsExactly(799L, 2500L, 4999L, 7999L, 8900L, 12900L, 54900L);
        assertThat(catalog.search(Search.text("lamp").sort(PRICE_DESC)).items())
                .extracting(SearchResult.Hit::priceCents, SearchResult.Hit::score)
                .containsExactly(tuple(8900L, 0.0), tuple(2500L, 0.0));
        assertThat(catalog.names(Search.all().sort(NEWEST).page(1, 0))).containsExactly("Cable Organizer");
    }

    @Test
    void paging_keepsTheTotalOfTheWholeMatch() throws Exception {
        SearchResult page = catalog.search(Search.all().sort(PRICE_ASC).page(2, 2));

        assertThat(page.items()).extracting(SearchResult.Hit::priceCents).containsExactly(4999L, 7999L);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.offset()).isEqualTo(2);
    }

    @Test
    void type_productSearchesProducts_courseIsEmptyForNow() throws Exception {
        assertThat(catalog.search(Search.all().type("product")).total()).isEqualTo(7);
        SearchResult courses = catalog.search(Search.text("headphones").type("course"));
        assertThat(courses.items()).isEmpty();
        assertThat(courses.total()).isZero();
        assertThat(courses.facets().brand()).isEmpty();
    }

    @Test
    void suggest_completesWordsOfNamesAndBrands() throws Exception {
        assertThat(catalog.suggest("hea")).containsExactlyInAnyOrder("Wireless Headphones", "Studio Headphones");
        assertThat(catalog.suggest("Wirel")).containsExactly("Wireless Headphones");
        assertThat(catalog.suggest("lum")).containsExactlyInAnyOrder("Desk Lamp", "Floor Lamp", "Cable Organizer");
    }

    @Test
    void suggest_toleratesTypos() throws Exception {
        assertThat(catalog.suggest("haedph")).containsExactlyInAnyOrder("Wireless Headphones", "Studio Headphones");
        assertThat(catalog.suggest("espreso")).containsExactly("Espresso Machine");
    }

    @Test
    void suggest_nothingForAnEmptyPrefix() throws Exception {
        assertThat(catalog.suggest("")).isEmpty();
        assertThat(catalog.suggest("  ")).isEmpty();
        assertThat(catalog.suggest(null)).isEmpty();
    }
}
