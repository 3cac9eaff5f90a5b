package dev.stoa.projection.catalog.search;

import dev.stoa.testsupport.TestElasticsearch;
import dev.stoa.testsupport.EventBatch;
import static dev.stoa.projection.catalog.search.ProductEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.review.ReviewDeleted;
import dev.stoa.api.review.ReviewEdited;
import dev.stoa.api.review.ReviewId;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.api.review.ReviewRemoved;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The projection against a real node: what each event does to the document, and idempotent versions. */
class ProductSearchProjectionTest {
    static ElasticsearchClient client;
    static SearchIndices indices;
    static ProductSearchProjection projection;

    @BeforeAll
    static void startElasticsearch() {
        client = TestElasticsearch.client();
        indices = new SearchIndices(TestElasticsearch.uniquePrefix());
        projection = new ProductSearchProjection(client, new SearchIndexAdmin(client, indices));
    }

    @Test
    void givenProductCreated_thenDocumentHasItsFieldsAndPositionAsVersion() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Wireless Headphones", "Acme", 4999);
        Instant at = Instant.parse("2026-11-01T10:15:30Z");
        EventBatch.to(projection).at(10, created, at).handle();

        GetResponse<ProductDocument> stored = get(created.productId());
        assertThat(stored.version()).isEqualTo(10);
        ProductDocument doc = stored.source();
        assertThat(doc.type()).isEqualTo("product");
        assertThat(doc.name()).isEqualTo("Wireless Headphones");
        assertThat(doc.brand()).isEqualTo("Acme");
        assertThat(doc.priceCents()).isEqualTo(4999);
        assertThat(doc.categoryId()).isEqualTo(AUDIO.value());
        assertThat(doc.vendorId()).isEqualTo(VENDOR.value());
        assertThat(doc.createdAt()).isEqualTo("2026-11-01T10:15:30Z");
        assertThat(doc.active()).isTrue();
        assertThat(doc.inStock()).isFalse();
        assertThat(doc.rating()).isNull();
        assertThat(doc.suggest().input()).containsExactly("Wireless Headphones", "Headphones", "Acme");
    }

    @Test
    void givenTheVeryFirstEventOfTheStore_thenVersionZeroIsAccepted() throws Throwable {
        ProductCreated created = created(ProductId.random(), "First Product", "Acme", 100);
        EventBatch.to(projection).at(0, created).handle();
        EventBatch.to(projection).at(0, created).handle(); // and redelivered

        assertThat(get(created.productId()).version()).isZero();
    }

    @Test
    void givenCreateUpdateAndStockInOneBatch_thenOneDocumentAtTheLastPosition() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Desk Lamp", "Lumo", 2500);
        EventBatch.to(projection).at(20, created).at(21, updated(created, "Desk Lamp XL", 2900))
                .at(22, adjusted(created.productId(), 7)).handle();

        GetResponse<ProductDocument> stored = get(created.productId());
        assertThat(stored.version()).isEqualTo(22);
        assertThat(stored.source().name()).isEqualTo("Desk Lamp XL");
        assertThat(stored.source().priceCents()).isEqualTo(2900);
                assertThat(stored.source().inStock()).isTrue();
    }

    @Test
    void givenStoredDocument_whenLaterBatchUpdates_thenItBuildsOnWhatIsStored() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Standing Desk", "Lumo", 39900);
        EventBatch.to(projection).at(30, created).at(31, adjusted(created.productId(), 3)).handle();
        EventBatch.to(projection).at(35, updated(created, "Standing Desk Pro", 44900)).handle();

        ProductDocument doc = get(created.productId()).source();
        assertThat(doc.name()).isEqualTo("Standing Desk Pro");
        assertThat(doc.inStock()).isTrue(); // kept from the stored document
        assertThat(doc.createdAt()).isNotNull();
    }

    @Test
    void givenBatchOfManyEvents_thenOneReadAndOneBulkWrite() throws Throwable {
        ProductCreated stored = created(ProductId.random(), "Bookshelf", "Lumo", 15900);
        EventBatch.to(projection).at(25, stored).handle();
        CountingTransport requests = CountingTransport.over(client);
        var counted = new ProductSearchProjection(requests.client(), new SearchIndexAdmin(requests.client(), indices));
        ProductCreated first = created(ProductId.random(), "Armchair", "Lumo", 24900);
        ProductCreated second = created(ProductId.random(), "Footstool", "Lumo", 7900);

        EventBatch.to(counted).at(26, first).at(27, second).at(28, adjusted(stored.productId(), 2))
                .at(29, adjusted(first.productId(), 5)).at(30, updated(second, "Footstool Soft", 8900)).handle();

        assertThat(requests.count("mget")).isEqualTo(1); // only the product not created in the batch is read
        assertThat(requests.count("bulk")).isEqualTo(1);
        assertThat(get(stored.productId()).source().inStock()).isTrue();
        assertThat(get(first.productId()).source().inStock()).isTrue();
        assertThat(get(second.productId()).source().name()).isEqualTo("Footstool Soft");
    }

    @Test
    void givenRestocked_thenInStockWithTheNewAvailable() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Coffee Grinder", "Brewmax", 8900);
        EventBatch.to(projection).at(40, created).handle();
        assertThat(get(created.productId()).source().inStock()).isFalse();

        EventBatch.to(projection).at(41, restocked(created.productId(), 12, 12)).handle();
        assertThat(get(created.productId()).source().inStock()).isTrue();

        EventBatch.to(projection).at(42, adjusted(created.productId(), 12, 0)).handle();
        assertThat(get(created.productId()).source().inStock()).isFalse();
    }

    @Test
    void givenReservations_thenWrittenOnlyWhenInStockMayFlip() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Espresso Cups", "Brewmax", 1900);
        EventBatch.to(projection).at(100, created).at(101, adjusted(created.productId(), 3)).handle();
        CountingTransport requests = CountingTransport.over(client);
        var counted = new ProductSearchProjection(requests.client(), new SearchIndexAdmin(requests.client(), indices));

        EventBatch.to(counted).at(102, reserved(created.productId(), 2, 1)).handle(); // one left: nothing to write
        assertThat(requests.count("bulk")).isZero();
        assertThat(get(created.productId()).version()).isEqualTo(101);

        EventBatch.to(counted).at(103, reserved(created.productId(), 1, 0)).handle(); // the last one
        assertThat(get(created.productId()).source().inStock()).isFalse();

        EventBatch.to(counted).at(104, released(created.productId(), 1, 1)).handle(); // back from none
        assertThat(get(created.productId()).source().inStock()).isTrue();
        EventBatch.to(counted).at(105, released(created.productId(), 2, 3)).handle(); // onto one left: nothing
        assertThat(get(created.productId()).version()).isEqualTo(104);
        assertThat(requests.count("bulk")).isEqualTo(2);
    }

    @Test
    void givenUnlisted_thenInactiveAndNothingToSuggest() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Old Radio", "Vintage", 1500);
        EventBatch.to(projection).at(50, created).handle();
        EventBatch.to(projection).at(51, unlisted(created.productId())).handle();

        ProductDocument doc = get(created.productId()).source();
        assertThat(doc.active()).isFalse();
        assertThat(doc.suggest()).isNull();
    }

    @Test
    void givenTheSameEventsAgain_thenDocumentUnchanged() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Yoga Mat", "Flexa", 1999);
        EventBatch.to(projection).at(60, created).at(61, adjusted(created.productId(), 4)).handle();
        GetResponse<ProductDocument> before = get(created.productId());

        EventBatch.to(projection).at(60, created).at(61, adjusted(created.productId(), 4)).handle(); // redelivery
        EventBatch.to(projection).at(61, adjusted(created.productId(), 4)).handle(); // the tail again

        GetResponse<ProductDocument> after = get(created.productId());
        assertThat(after.version()).isEqualTo(61);
        assertThat(after.seqNo()).isEqualTo(before.seqNo()); // not even rewritten
        assertThat(after.source()).isEqualTo(before.source());
    }

    @Test
    void givenNewerWrite_whenOlderEventsReplayed_thenNotOverwritten() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Trail Shoes", "Stride", 12000);
        EventBatch.to(projection).at(70, created).at(75, updated(created, "Trail Shoes 2", 13000)).handle();

        EventBatch.to(projection).at(70, created).handle(); // creation alone, as a replay would see it first
        EventBatch.to(projection).at(72, updated(created, "Trail Shoes (old)", 11000)).handle();

        GetResponse<ProductDocument> stored = get(created.productId());
        assertThat(stored.version()).isEqualTo(75);
        assertThat(stored.source().name()).isEqualTo("Trail Shoes 2");
        assertThat(stored.source().priceCents()).isEqualTo(13000);
    }

    @Test
    void givenNoDocument_whenStockChanges_thenSkippedWithoutFailing() throws Throwable {
        ProductId unknown = ProductId.random();
        EventBatch.to(projection).at(80, adjusted(unknown, 5)).handle();

        assertThat(client.exists(e -> e.index(indices.products()).id(unknown.value())).value()).isFalse();
    }

    @Test
    void withoutUnitOfWork_theChangeIsWrittenAtOnce() throws IOException {
        ProductCreated created = created(ProductId.random(), "Tea Kettle", "Brewmax", 3500);
        projection.on(created, new GlobalSequenceTrackingToken(90), Instant.now());

        assertThat(get(created.productId()).version()).isEqualTo(90);
    }

    @Test
    void givenReviewEvents_thenTheDocumentCarriesTheRatingTheyCarry_stockUntouched() throws Throwable {
        ProductCreated created = created(ProductId.random(), "Fountain Pen", "Quill", 6000);
        ProductId id = created.productId();
        ReviewId first = ReviewId.random();
        ReviewId second = ReviewId.random();
        EventBatch.to(projection).at(100, created).at(101, adjusted(id, 7))
                .at(102, new ReviewPosted(id, first, UserId.random(), 5, null, new RatingSummary(1, 5)))
                .at(103, new ReviewPosted(id, second, UserId.random(), 4, "sealed", new RatingSummary(2, 9))).handle();
        assertThat(get(id).source()).extracting(ProductDocument::rating, ProductDocument::ratingCount, ProductDocument::inStock)
                .containsExactly(4.5, 2L, true);

        EventBatch.to(projection).at(104, new ReviewEdited(id, first, UserId.random(), 2, null, new RatingSummary(2, 6)))
                .handle();
        assertThat(get(id).source().rating()).isEqualTo(3.0);
        EventBatch.to(projection).at(105, new ReviewRemoved(id, second, UserId.random(), "admin", new RatingSummary(1, 2)))
                .handle();
        assertThat(get(id).source()).extracting(ProductDocument::rating, ProductDocument::ratingCount).containsExactly(2.0, 1L);
        EventBatch.to(projection).at(106, new ReviewDeleted(id, first, UserId.random(), RatingSummary.NONE)).handle();
        GetResponse<ProductDocument> stored = get(id);
        assertThat(stored.version()).isEqualTo(106);
        assertThat(stored.source()).extracting(ProductDocument::rating, ProductDocument::ratingCount, ProductDocument::inStock)
                .containsExactly(null, 0L, true);
    }

    private GetResponse<ProductDocument> get(ProductId id) throws IOException {
        return client.get(g -> g.index(indices.products()).id(id.value()), ProductDocument.class);
    }
}
