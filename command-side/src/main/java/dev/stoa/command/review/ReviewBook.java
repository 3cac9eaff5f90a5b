package dev.stoa.command.review;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.review.PostReview;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.review.ReviewId;
import dev.stoa.command.platform.SnapshotState;
import java.util.HashMap;
import java.util.Objects;

/**
 * The reviews of one item (a product or a course) and the rules they share, kept by the item's reviews aggregate
 * ({@link ProductReviews}, {@link CourseReviews}): one live review per author, ids never reused, an author a moderator
 * removed never posts again, and the item's rating as exact count and sum of stars.
 */
@SnapshotState
class ReviewBook {
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

        String authorId() { return authorId; }

        int rating() { return rating; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.authorId.equals(authorId) && e.rating == rating && e.state.equals(state);
        }

        @Override
        public int hashCode() { return Objects.hash(authorId, rating, state); }
    }

    /** Refuses a second review by {@code author} (live, or removed by a moderator) and a reused review id. */
    void requireNew(String author, ReviewId reviewId, String item) {
        String existing = byAuthor.get(author);
        if (existing != null) {
            throw new DomainException(ErrorCode.ALREADY_REVIEWED, "removed".equals(reviews.get(existing).state)
                    ? "your review of this " + item + " was removed by a moderator; you cannot review it again"
                    : "you reviewed this " + item + " already (review " + existing + "): edit or delete it instead");
        }
        if (reviews.containsKey(reviewId.value()))
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "review id in use; retry");
    }

    /** The live review {@code reviewId}; deleted, removed or unknown: not found. */
    Entry live(ReviewId reviewId) {
        Entry review = reviews.get(reviewId.value());
        if (review == null || !"live".equals(review.state)) throw DomainException.notFound("review " + reviewId);
        return review;
    }

    RatingSummary summary() { return new RatingSummary(count, total); }

    /** The live review of {@code author}, if any. */
    java.util.Optional<ReviewId> liveOf(String author) {
        String id = byAuthor.get(author);
        return id != null && "live".equals(reviews.get(id).state) ? java.util.Optional.of(new ReviewId(id)) : java.util.Optional.empty();
    }

    void posted(ReviewId reviewId, String authorId, int rating, RatingSummary summary) {
        reviews.put(reviewId.value(), new Entry(authorId, rating, "live"));
        byAuthor.put(authorId, reviewId.value());
        rating(summary);
    }

    void edited(ReviewId reviewId, int rating, RatingSummary summary) {
        reviews.get(reviewId.value()).rating = rating;
        rating(summary);
    }

    void deleted(ReviewId reviewId, String authorId, RatingSummary summary) {
        reviews.get(reviewId.value()).state = "deleted";
        byAuthor.remove(authorId);
        rating(summary);
    }

    void removed(ReviewId reviewId, String authorId, RatingSummary summary) {
        reviews.get(reviewId.value()).state = "removed";
        byAuthor.put(authorId, reviewId.value()); // stays taken: no second review after moderation
        rating(summary);
    }

    private void rating(RatingSummary summary) {
        count = summary.count();
        total = summary.total();
    }

    static void requireRating(int rating) {
        if (rating < 1 || rating > 5) throw DomainException.badInput("rating must be a whole number from 1 to 5");
    }

    /**
     * Blank is no comment, and so is one of invisible characters alone (a zero-width space; shown to everyone as an
     * empty comment before 2026-12-07, sixth session; walkthrough Z27); longer than allowed is refused (the HTTP layer
     * refuses it first, with the field named).
     */
    static String comment(String comment) {
        if (comment == null || !dev.stoa.command.platform.web.VisibleText.has(comment)) return null;
        String trimmed = comment.strip();
        if (trimmed.length() > PostReview.MAX_COMMENT)
            throw DomainException.badInput("comment must be at most " + PostReview.MAX_COMMENT + " characters");
        return trimmed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewBook b && b.reviews.equals(reviews) && b.byAuthor.equals(byAuthor) && b.count == count
                && b.total == total;
    }

    @Override
    public int hashCode() { return Objects.hash(reviews, byAuthor, count, total); }
}
