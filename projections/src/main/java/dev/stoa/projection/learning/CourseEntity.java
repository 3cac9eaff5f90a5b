package dev.stoa.projection.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one course, shaped for the list filters of API.md. */
@Entity
@Table(name = "course_view")
public class CourseEntity {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    @Id
    private String id;
    @Column(name = "instructor_id") private String instructorId;
    private String title;
    private String description;
    @Column(name = "price_cents") private long priceCents;
    private String currency;
    @Column(name = "category_id") private String categoryId;
    @Column(name = "passing_score") private int passingScore;
    private String status;
    @Column(name = "lesson_count") private int lessonCount;
    @Column(name = "total_duration_seconds") private long totalDurationSeconds;
    @Column(name = "rating_average") private Double ratingAverage;
    @Column(name = "rating_count") private long ratingCount;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;
    @Column(name = "published_at") private Instant publishedAt;

    protected CourseEntity() {}

    public CourseEntity(String id, String instructorId, Instant createdAt) {
        this.id = id;
        this.instructorId = instructorId;
        this.status = DRAFT;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void details(String title, String description, long priceCents, String currency, String categoryId,
                        int passingScore, Instant at) {
        this.title = title;
        this.description = description;
        this.priceCents = priceCents;
        this.currency = currency;
        this.categoryId = categoryId;
        this.passingScore = passingScore;
        this.updatedAt = at;
    }

    public void published(Instant at) {
        this.status = PUBLISHED;
        this.publishedAt = at;
        this.updatedAt = at;
    }

    public void archived(Instant at) {
        this.status = ARCHIVED;
        this.updatedAt = at;
    }

    /** The rating after a review event: exact count, average to two decimals (null without reviews). */
    public void rated(Double average, long count) {
        this.ratingAverage = average;
        this.ratingCount = count;
    }

    /** What the course's published lessons add up to. */
    public void lessons(int count, long durationSeconds, Instant at) {
        this.lessonCount = count;
        this.totalDurationSeconds = durationSeconds;
        this.updatedAt = at;
    }

    public String getId() { return id; }
    public String getInstructorId() { return instructorId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public long getPriceCents() { return priceCents; }
    public String getCurrency() { return currency; }
    public String getCategoryId() { return categoryId; }
    public int getPassingScore() { return passingScore; }
    public String getStatus() { return status; }
    public int getLessonCount() { return lessonCount; }
    public long getTotalDurationSeconds() { return totalDurationSeconds; }
    public Double getRatingAverage() { return ratingAverage; }
    public long getRatingCount() { return ratingCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPublishedAt() { return publishedAt; }
}
