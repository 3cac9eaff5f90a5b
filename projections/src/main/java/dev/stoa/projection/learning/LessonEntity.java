package dev.stoa.projection.learning;

import dev.stoa.api.learning.QuizQuestion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Read model row of one lesson with its whole content (quiz answers included: the query side filters). */
@Entity
@Table(name = "lesson_view")
public class LessonEntity {
    @Id
    private String id;
    @Column(name = "course_id") private String courseId;
    /** The order lessons were added in: breaks ties between equal positions. */
    private int seq;
    private String title;
    private String type;
    private int position;
    @Column(name = "duration_seconds") private Integer durationSeconds;
    @Column(name = "content_ref") private String contentRef;
    @Column(name = "media_type") private String mediaType;
    private String body;
    @JdbcTypeCode(SqlTypes.JSON) private List<QuizQuestion> quiz;
    private boolean published;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;

    protected LessonEntity() {}

    public LessonEntity(String id, String courseId, int seq, Instant createdAt) {
        this.id = id;
        this.courseId = courseId;
        this.seq = seq;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * {@code mediaType}: the upload's type the event names (since 2026-12-07); without it (a link, none, an older event)
     * the lesson keeps the type it had for the same contentRef, and has none for another.
     */
    public void details(String title, String type, int position, Integer durationSeconds, String contentRef,
                        String mediaType, String body, List<QuizQuestion> quiz, Instant at) {
        if (mediaType != null) this.mediaType = mediaType;
        else if (contentRef == null || !contentRef.equals(this.contentRef)) this.mediaType = null;
        this.title = title;
        this.type = type;
        this.position = position;
        this.durationSeconds = durationSeconds;
        this.contentRef = contentRef;
        this.body = body;
        this.quiz = quiz == null || quiz.isEmpty() ? null : quiz;
        this.updatedAt = at;
    }

    public void media(String contentRef, String mediaType, Instant at) {
        this.contentRef = contentRef;
        this.mediaType = mediaType;
        this.updatedAt = at;
    }

    public void published(Instant at) {
        this.published = true;
        this.updatedAt = at;
    }

    public String getId() { return id; }
    public String getCourseId() { return courseId; }
    public int getSeq() { return seq; }
    public String getTitle() { return title; }
    public String getType() { return type; }
    public int getPosition() { return position; }
    public Integer getDurationSeconds() { return durationSeconds; }
    public String getContentRef() { return contentRef; }
    public String getMediaType() { return mediaType; }
    public String getBody() { return body; }
    public List<QuizQuestion> getQuiz() { return quiz == null ? List.of() : quiz; }
    public boolean isPublished() { return published; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
