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
@Revision("2") // 2: the reviews moved into a ReviewBook (shared with CourseReviews); revision 1 snapshots are ignored
@SnapshotState
public class ProductReviews {
    @AggregateIdentifier
    private String reviewsId;
    private ProductId productId;
    private ReviewBook book = new ReviewBook();

    protected ProductReviews() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReviewId handle(PostReview cmd, Purchases purchases, PersonalData personal) {
        ReviewBook.requireRating(cmd.rating());
        String author = cmd.actor().userId();
        book.requireNew(author, cmd.reviewId(), "product");
        // a vendor who bought its own product is no buyer whose word counts: it rated itself (before 2026-12-06, fifth
        // session, found by a walkthrough)
        if (purchases.sells(author, cmd.productId()))
            throw DomainException.forbidden("a vendor does not review its own product");
        if (!purchases.hasBought(author, cmd.productId())) {
            if (productId == null && !purchases.productExists(cmd.productId()))
                throw DomainException.notFound("product " + cmd.productId());
            throw new DomainException(ErrorCode.PURCHASE_REQUIRED,
                    "only a buyer with a confirmed order of this product may review it");
        }
        apply(new ReviewPosted(cmd.productId(), cmd.reviewId(), new UserId(author), cmd.rating(),
                personal.seal(author, ReviewBook.comment(cmd.comment())), book.summary().plus(cmd.rating())));
        return cmd.reviewId();
    }

    @CommandHandler
    void handle(EditReview cmd, PersonalData personal) {
        ReviewBook.requireRating(cmd.rating());
        ReviewBook.Entry review = book.live(cmd.reviewId());
        if (!review.authorId().equals(cmd.actor().userId()))
            throw DomainException.forbidden("only its author may edit a review");
        apply(new ReviewEdited(productId, cmd.reviewId(), new UserId(review.authorId()), cmd.rating(),
                personal.seal(review.authorId(), ReviewBook.comment(cmd.comment())),
                book.summary().minus(review.rating()).plus(cmd.rating())));
    }

    @CommandHandler
    void handle(DeleteReview cmd) {
        ReviewBook.Entry review = book.live(cmd.reviewId());
        Actor actor = cmd.actor();
        RatingSummary without = book.summary().minus(review.rating());
        if (review.authorId().equals(actor.userId())) {
            apply(new ReviewDeleted(productId, cmd.reviewId(), new UserId(review.authorId()), without));
        } else if (actor.isAdmin()) {
            apply(new ReviewRemoved(productId, cmd.reviewId(), new UserId(review.authorId()), actor.userId(), without));
        } else {
            throw DomainException.forbidden("only its author or an admin may delete a review");
        }
    }

    /**
     * The author's purchase was undone (cancelled, or every unit of the product in it refunded) and they hold no other: their
     * live review leaves the product's reviews and rating, as if they had deleted it (they may review again once they
     * buy again). A review that kept its stars after its money came back made a rating anyone could buy for nothing
     * (found by a walkthrough, 2026-12-06). Nothing when they have no live review.
     */
    @CommandHandler
    void handle(WithdrawReviewOfUndonePurchase cmd) {
        book.liveOf(cmd.authorId().value()).ifPresent(reviewId -> apply(new ReviewWithdrawn(productId, reviewId,
                cmd.authorId(), cmd.orderId(), book.summary().minus(book.live(reviewId).rating()))));
    }

    @EventSourcingHandler
    void on(ReviewPosted e) {
        reviewsId = ReviewIds.of(e.productId());
        productId = e.productId();
        book.posted(e.reviewId(), e.authorId().value(), e.rating(), e.productRating());
    }

    @EventSourcingHandler
    void on(ReviewEdited e) { book.edited(e.reviewId(), e.rating(), e.productRating()); }

    @EventSourcingHandler
    void on(ReviewDeleted e) { book.deleted(e.reviewId(), e.authorId().value(), e.productRating()); }

    @EventSourcingHandler
    void on(ReviewRemoved e) { book.removed(e.reviewId(), e.authorId().value(), e.productRating()); }

    @EventSourcingHandler
    void on(ReviewWithdrawn e) { book.deleted(e.reviewId(), e.authorId().value(), e.productRating()); }
}
