package dev.stoa.projection.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one live review (deleted and removed reviews leave the table). */
@Entity
@Table(name = "review_view")
public class ReviewEntity {
    @Id
    private String id;
    @Column(name = "product_id") private String productId;
    @Column(name = "author_id") private String authorId;
    private int rating;
    private String comment;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;

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

    public void edited(int rating, String comment, Instant at) {
        this.rating = rating;
        this.comment = comment;
        this.updatedAt = at;
    }

    /** The author was erased: the comment is personal data of theirs. */
    public void erase(String erased) {
        if (comment != null) comment = erased;
    }

    public String getId() { return id; }
    public String getProductId() { return productId; }
    public String getAuthorId() { return authorId; }
    public int getRating() { return rating; }
    public String getComment() { return comment; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
