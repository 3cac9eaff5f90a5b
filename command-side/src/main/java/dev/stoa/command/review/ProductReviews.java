package dev.stoa.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.review.*;
import dev.stoa.command.platform.SnapshotState;
import java.util.HashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The reviews of one product (identifier {@code reviews-<productId>}), opened by its first review. One aggregate per
 * product is the consistency boundary of both rules: one review per user and product (two racing posts of one user
 * meet here, and only one is stored), and the product's rating, which every event carries exactly (count and sum of
 * stars). Comments are sealed with their author's key.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class ProductReviews {
    @AggregateIdentifier
    private String reviewsId;
    private ProductId productId;
    /** Every review ever posted here, by id (deleted and removed ones too: their ids stay taken). */
    private HashMap<String, Entry> reviews = new HashMap<>();
    /** The live review of each author, and authors a moderator removed (they may not post again), by author id. */
    private HashMap<String, String> byAuthor = new HashMap<>();
    private long count;
    private long total;

    /** One review's state. */
    @SnapshotState
    static class Entry {
        private String authorId;
        private int rating;
        /** live, deleted (by its author: the author may post again) or removed (by a moderator). */
        private String state;

        Entry() {}

        Entry(String authorId, int rating, String state) {
            this.authorId = authorId;
            this.rating = rating;
            this.state = state;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.authorId.equals(authorId) && e.rating == rating && e.state.equals(state);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(authorId, rating, state); }
    }

    protected ProductReviews() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReviewId handle(PostReview cmd, Purchases purchases, PersonalData personal) {
        requireRating(cmd.rating());
        String author = cmd.actor().userId();
        String existing = byAuthor.get(author);
        if (existing != null) {
            throw new DomainException(ErrorCode.ALREADY_REVIEWED, "removed".equals(reviews.get(existing).state)
                    ? "your review of this product was removed by a moderator; you cannot review it again"
                    : "you reviewed this product already (review " + existing + "): edit or delete it instead");
        }
        if (reviews.containsKey(cmd.reviewId().value()))
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "review id in use; retry");
        if (!purchases.hasBought(author, cmd.productId())) {
            if (productId == null && !purchases.productExists(cmd.productId()))
                throw DomainException.notFound("product " + cmd.productId());
            throw new DomainException(ErrorCode.PURCHASE_REQUIRED,
                    "only a buyer with a confirmed order of this product may review it");
        }
        apply(new ReviewPosted(cmd.productId(), cmd.reviewId(), new UserId(author), cmd.rating(),
                personal.seal(author, comment(cmd.comment())), summary().plus(cmd.rating())));
        return cmd.reviewId();
    }

    @CommandHandler
    void handle(EditReview cmd, PersonalData personal) {
        requireRating(cmd.rating());
        Entry review = live(cmd.reviewId());
        if (!review.authorId.equals(cmd.actor().userId()))
            throw DomainException.forbidden("only its author may edit a review");
        apply(new ReviewEdited(productId, cmd.reviewId(), new UserId(review.authorId), cmd.rating(),
                personal.seal(review.authorId, comment(cmd.comment())),
                summary().minus(review.rating).plus(cmd.rating())));
    }

    @CommandHandler
    void handle(DeleteReview cmd) {
        Entry review = live(cmd.reviewId());
        Actor actor = cmd.actor();
        RatingSummary without = summary().minus(review.rating);
        if (review.authorId.equals(actor.userId())) {
            apply(new ReviewDeleted(productId, cmd.reviewId(), new UserId(review.authorId), without));
        } else if (actor.isAdmin()) {
            apply(new ReviewRemoved(productId, cmd.reviewId(), new UserId(review.authorId), actor.userId(), without));
        } else {
            throw DomainException.forbidden("only its author or an admin may delete a review");
        }
    }

    @EventSourcingHandler
    void on(ReviewPosted e) {
        reviewsId = ReviewIds.of(e.productId());
        productId = e.productId();
        reviews.put(e.reviewId().value(), new Entry(e.authorId().value(), e.rating(), "live"));
        byAuthor.put(e.authorId().value(), e.reviewId().value());
        rating(e.productRating());
    }

    @EventSourcingHandler
    void on(ReviewEdited e) {
        reviews.get(e.reviewId().value()).rating = e.rating();
        rating(e.productRating());
    }

    @EventSourcingHandler
    void on(ReviewDeleted e) {
        reviews.get(e.reviewId().value()).state = "deleted";
        byAuthor.remove(e.authorId().value());
        rating(e.productRating());
    }

    @EventSourcingHandler
    void on(ReviewRemoved e) {
        reviews.get(e.reviewId().value()).state = "removed";
        byAuthor.put(e.authorId().value(), e.reviewId().value()); // stays taken: no second review after moderation
        rating(e.productRating());
    }

    private Entry live(ReviewId reviewId) {
        Entry review = reviews.get(reviewId.value());
        if (review == null || !"live".equals(review.state)) throw DomainException.notFound("review " + reviewId);
        return review;
    }

    private RatingSummary summary() { return new RatingSummary(count, total); }

    private void rating(RatingSummary summary) {
        count = summary.count();
        total = summary.total();
    }

    private static void requireRating(int rating) {
        if (rating < 1 || rating > 5) throw DomainException.badInput("rating must be a whole number from 1 to 5");
    }

    /** Blank is no comment; longer than allowed is refused (the HTTP layer refuses it first, with the field named). */
    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) return null;
        String trimmed = comment.strip();
        if (trimmed.length() > PostReview.MAX_COMMENT)
            throw DomainException.badInput("comment must be at most " + PostReview.MAX_COMMENT + " characters");
        return trimmed;
    }
}
