package dev.stoa.projection.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read model row of one review of a product or a course: {@link #LIVE} while it shows, then {@code deleted} (by its
 * author), {@code removed} (by an admin) or {@code withdrawn} (its purchase refunded) with when it ended; ended rows stay
 * for their author's export only.
 */
@Entity
@Table(name = "review_view")
public class ReviewEntity {
    @Id
    private String id;
    @Column(name = "product_id") private String productId;
    @Column(name = "course_id") private String courseId;
    @Column(name = "author_id") private String authorId;
    private int rating;
    private String comment;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;
    private String state = LIVE;
    @Column(name = "ended_at") private Instant endedAt;

    public static final String LIVE = "live";

    protected ReviewEntity() {}

    public ReviewEntity(String id, String productId, String authorId, int rating, String comment, Instant at) {
        this.id = id;
        this.productId = productId;
        this.authorId = authorId;
        this.rating = rating;
        this.comment = comment;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A course's review: the same row, with the course instead of a product. */
    public static ReviewEntity ofCourse(String id, String courseId, String authorId, int rating, String comment, Instant at) {
        ReviewEntity review = new ReviewEntity(id, null, authorId, rating, comment, at);
        review.courseId = courseId;
        return review;
    }

    public void edited(int rating, String comment, Instant at) {
        this.rating = rating;
        this.comment = comment;
        this.updatedAt = at;
    }

    /** The review no longer shows: {@code deleted}, {@code removed} or {@code withdrawn}. */
    public void ended(String state, Instant at) {
        if (!LIVE.equals(this.state)) return;
        this.state = state;
        this.endedAt = at;
    }

    /** The author was erased: the comment is personal data of theirs. */
    public void erase(String erased) {
        if (comment != null) comment = erased;
    }

    public String getId() { return id; }
    public String getProductId() { return productId; }
    public String getCourseId() { return courseId; }
    public String getAuthorId() { return authorId; }
    public int getRating() { return rating; }
    public String getComment() { return comment; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getState() { return state; }
    public Instant getEndedAt() { return endedAt; }
    public boolean isLive() { return LIVE.equals(state); }
}
