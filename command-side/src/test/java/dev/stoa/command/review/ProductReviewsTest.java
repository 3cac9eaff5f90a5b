package dev.stoa.command.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.review.*;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ProductReviews aggregate: verified buyers only, one review per user and product, the rating exact in every event. */
class ProductReviewsTest {
    private final ProductId product = ProductId.random();
    private final UserId ada = UserId.random();
    private final UserId bob = UserId.random();
    private final ReviewId adasReview = ReviewId.random();
    private final ReviewId bobsReview = ReviewId.random();
    private final Actor adaActs = new Actor(ada.value(), Set.of("customer"));
    private final Actor bobActs = new Actor(bob.value(), Set.of("customer"));
    private final Actor admin = new Actor(UserId.random().value(), Set.of("admin"));
    private final FakePurchases purchases = new FakePurchases();
    private FixtureConfiguration<ProductReviews> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductReviews.class);
        fixture.registerInjectableResource(purchases);
        fixture.registerInjectableResource(new ClearPersonalData());
        purchases.products.add(product.value());
        purchases.bought.add(ada.value());
        purchases.bought.add(bob.value());
    }

    private ReviewPosted adaPosted(int rating) {
        return new ReviewPosted(product, adasReview, ada, rating, sealed(ada, "Great mug"), new RatingSummary(1, rating));
    }

    private static String sealed(UserId user, String comment) { return "sealed:" + user.value() + ":" + comment; }

    @Test
    void givenNoReviews_whenAVerifiedBuyerPosts_thenPostedWithTheCommentSealedAndTheRating() {
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 4, "  Great mug ", adaActs))
                .expectEvents(adaPosted(4))
                .expectResultMessagePayload(adasReview);
    }

    /** A vendor who bought its own product does not rate it (it did, and its five stars counted). */
    @Test
    void givenNoReviews_whenTheProductsVendorPosts_thenForbidden_thoughItBoughtIt() {
        purchases.vendors.add(ada.value());
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 5, "Best mug", adaActs))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    @Test
    void givenNoReviews_whenPostedWithoutComment_thenNoComment() {
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 5, "   ", adaActs))
                .expectEvents(new ReviewPosted(product, adasReview, ada, 5, null, new RatingSummary(1, 5)));
    }

    /** Invisible characters alone are no comment either: one was shown to everyone, empty (walkthrough Z27). */
    @Test
    void givenNoReviews_whenPostedWithInvisibleCharactersAlone_thenNoComment() {
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 5, "\u200b\u3164", adaActs))
                .expectEvents(new ReviewPosted(product, adasReview, ada, 5, null, new RatingSummary(1, 5)));
    }

    @Test
    void whenSomebodyWhoDidNotBuyItPosts_thenPurchaseRequired() {
        purchases.bought.remove(ada.value());
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 4, "Great mug", adaActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "purchase_required"))
                .expectNoEvents();
    }

    @Test
    void whenTheProductDoesNotExist_thenNotFound() {
        purchases.bought.remove(ada.value());
        purchases.products.clear();
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 4, null, adaActs))
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    @Test
    void givenReviewed_whenTheSameUserPostsAgain_thenAlreadyReviewed() {
        fixture.given(adaPosted(4))
                .when(new PostReview(product, ReviewId.random(), 2, "Changed my mind", adaActs))
                .expectException(domainError(ErrorKind.CONFLICT, "already_reviewed"))
                .expectNoEvents();
    }

    @Test
    void givenOneReview_whenAnotherBuyerPosts_thenTheRatingCountsBoth() {
        fixture.given(adaPosted(4))
                .when(new PostReview(product, bobsReview, 5, null, bobActs))
                .expectEvents(new ReviewPosted(product, bobsReview, bob, 5, null, new RatingSummary(2, 9)));
    }

    @Test
    void whenTheRatingIsOutOfRange_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 6, null, adaActs))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 0, null, adaActs))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void whenTheCommentIsTooLong_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new PostReview(product, adasReview, 3, "x".repeat(PostReview.MAX_COMMENT + 1), adaActs))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenTwoReviews_whenTheAuthorEdits_thenTheRatingFollows() {
        fixture.given(adaPosted(4), new ReviewPosted(product, bobsReview, bob, 5, null, new RatingSummary(2, 9)))
                .when(new EditReview(product, adasReview, 2, "Chipped after a week", adaActs))
                .expectEvents(new ReviewEdited(product, adasReview, ada, 2, sealed(ada, "Chipped after a week"),
                        new RatingSummary(2, 7)));
    }

    @Test
    void givenReviewed_whenSomebodyElseEdits_thenForbidden_alsoAnAdmin() {
        fixture.given(adaPosted(4))
                .when(new EditReview(product, adasReview, 1, "Bad", bobActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(adaPosted(4))
                .when(new EditReview(product, adasReview, 1, "Bad", admin))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    @Test
    void givenReviewed_whenTheAuthorDeletes_thenDeleted_andTheyMayReviewAgain() {
        ReviewDeleted deleted = new ReviewDeleted(product, adasReview, ada, RatingSummary.NONE);
        fixture.given(adaPosted(4))
                .when(new DeleteReview(product, adasReview, adaActs))
                .expectEvents(deleted);
        ReviewId again = ReviewId.random();
        fixture.given(adaPosted(4), deleted)
                .when(new PostReview(product, again, 3, null, adaActs))
                .expectEvents(new ReviewPosted(product, again, ada, 3, null, new RatingSummary(1, 3)));
    }

    /** A purchase undone withdraws its buyer's review from the rating; they review again once they buy again. */
    @Test
    void givenReviewed_whenTheAuthorsPurchaseIsUndone_thenWithdrawn_andTheyMayReviewAgain_butNothingForNoReview() {
        dev.stoa.api.ordering.OrderId order = dev.stoa.api.ordering.OrderId.random();
        ReviewPosted bobs = new ReviewPosted(product, bobsReview, bob, 2, null, new RatingSummary(2, 6));
        ReviewWithdrawn withdrawn = new ReviewWithdrawn(product, adasReview, ada, order, new RatingSummary(1, 2));
        fixture.given(adaPosted(4), bobs)
                .when(new WithdrawReviewOfUndonePurchase(product, ada, order))
                .expectEvents(withdrawn);
        fixture.given(adaPosted(4), bobs, withdrawn)
                .when(new WithdrawReviewOfUndonePurchase(product, ada, order))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        ReviewId again = ReviewId.random();
        fixture.given(adaPosted(4), bobs, withdrawn)
                .when(new PostReview(product, again, 5, null, adaActs))
                .expectEvents(new ReviewPosted(product, again, ada, 5, null, new RatingSummary(2, 7)));
        fixture.given(bobs)
                .when(new WithdrawReviewOfUndonePurchase(product, ada, order))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenReviewed_whenAnAdminDeletes_thenRemoved_andTheAuthorMayNotReviewAgain() {
        ReviewRemoved removed = new ReviewRemoved(product, adasReview, ada, admin.userId(), RatingSummary.NONE);
        fixture.given(adaPosted(4))
                .when(new DeleteReview(product, adasReview, admin))
                .expectEvents(removed);
        fixture.given(adaPosted(4), removed)
                .when(new PostReview(product, ReviewId.random(), 5, null, adaActs))
                .expectException(domainError(ErrorKind.CONFLICT, "already_reviewed"));
    }

    @Test
    void givenReviewed_whenAnotherCustomerDeletes_thenForbidden() {
        fixture.given(adaPosted(4))
                .when(new DeleteReview(product, adasReview, bobActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"))
                .expectNoEvents();
    }

    @Test
    void givenDeleted_whenEditedOrDeletedAgain_thenNotFound() {
        ReviewDeleted deleted = new ReviewDeleted(product, adasReview, ada, RatingSummary.NONE);
        fixture.given(adaPosted(4), deleted)
                .when(new EditReview(product, adasReview, 5, null, adaActs))
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
        fixture.given(adaPosted(4), deleted)
                .when(new DeleteReview(product, adasReview, admin))
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    @Test
    void ratingSummary_averagesToTwoDecimals() {
        org.assertj.core.api.Assertions.assertThat(new RatingSummary(3, 13).average()).isEqualTo(4.33);
        org.assertj.core.api.Assertions.assertThat(new RatingSummary(3, 14).average()).isEqualTo(4.67);
        org.assertj.core.api.Assertions.assertThat(new RatingSummary(8, 36).average()).isEqualTo(4.5);
        org.assertj.core.api.Assertions.assertThat(RatingSummary.NONE.average()).isNull();
    }

    /** Purchases as sets: who bought the product, which products exist. */
    static final class FakePurchases implements Purchases {
        final Set<String> bought = new HashSet<>();
        final Set<String> products = new HashSet<>();

        @Override
        public boolean hasBought(String userId, ProductId productId) {
            return products.contains(productId.value()) && bought.contains(userId);
        }

        @Override
        public boolean productExists(ProductId productId) { return products.contains(productId.value()); }

        final Set<String> vendors = new HashSet<>();

        @Override
        public boolean sells(String userId, ProductId productId) { return vendors.contains(userId); }
    }

    /** Seals visibly, so the tests see that the comment went through it with its author's id. */
    static final class ClearPersonalData implements PersonalData {
        @Override
        public String seal(String userId, String value) { return value == null ? null : "sealed:" + userId + ":" + value; }

        @Override
        public String open(String userId, String sealed) { return sealed; }

        @Override
        public void erase(String userId) {}

        @Override
        public boolean isErased(String userId) { return false; }
    }

    static Matcher<DomainException> domainError(ErrorKind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) { return kind == e.kind() && code.equals(e.code()); }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException ").appendValue(kind).appendText(" with code ").appendValue(code);
            }
        };
    }
}
