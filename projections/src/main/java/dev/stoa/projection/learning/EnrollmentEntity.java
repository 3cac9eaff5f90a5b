package dev.stoa.projection.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Read model row of one enrollment ({@code enrollment_view}): access, progress, completion, and every grant. */
@Entity
@Table(name = "enrollment_view")
public class EnrollmentEntity {
    public static final String ACTIVE = "active", COMPLETED = "completed", REVOKED = "revoked";

    @Id
    @Column(name = "enrollment_id") private String enrollmentId;
    @Column(name = "user_id") private String userId;
    @Column(name = "course_id") private String courseId;
    private String status;
    @Column(name = "access_active") private boolean accessActive;
    @JdbcTypeCode(SqlTypes.JSON) @Column(name = "completed_lessons") private List<String> completedLessons = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON) @Column(name = "opened_lessons") private List<String> openedLessons = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON) @Column(name = "quiz_scores") private Map<String, Integer> quizScores = new HashMap<>();
    @Column(name = "time_spent_seconds") private long timeSpentSeconds;
    @Column(name = "certificate_id") private String certificateId;
    @Column(name = "quiz_average") private Integer quizAverage;
    @JdbcTypeCode(SqlTypes.JSON) private List<Grant> grants = new ArrayList<>();
    @Column(name = "enrolled_at") private Instant enrolledAt;
    @Column(name = "completed_at") private Instant completedAt;
    @Column(name = "updated_at") private Instant updatedAt;

    /** One entitlement: what granted it, and when and why it was revoked (null while it stands). */
    public record Grant(String source, String reference, long paidCents, String currency, Instant grantedAt,
                        Instant revokedAt, String revokedReason) {}

    protected EnrollmentEntity() {}

    public EnrollmentEntity(String enrollmentId, String userId, String courseId, Instant at) {
        this.enrollmentId = enrollmentId;
        this.userId = userId;
        this.courseId = courseId;
        this.status = ACTIVE;
        this.enrolledAt = at;
        this.updatedAt = at;
    }

    public EnrollmentEntity granted(Grant grant, Instant at) {
        if (grants.stream().noneMatch(g -> g.reference().equals(grant.reference()))) {
            List<Grant> next = new ArrayList<>(grants);
            next.add(grant);
            grants = next;
        }
        accessActive = true;
        status = certificateId != null ? COMPLETED : ACTIVE;
        updatedAt = at;
        return this;
    }

    public EnrollmentEntity revoked(String reference, String reason, boolean stillActive, Instant at) {
        grants = grants.stream().map(g -> g.reference().equals(reference) && g.revokedAt() == null
                ? new Grant(g.source(), g.reference(), g.paidCents(), g.currency(), g.grantedAt(), at, reason) : g).toList();
        accessActive = stillActive;
        if (!stillActive) status = REVOKED;
        updatedAt = at;
        return this;
    }

    public EnrollmentEntity lessonOpened(String lessonId, Instant at) {
        openedLessons = with(openedLessons, lessonId);
        updatedAt = at;
        return this;
    }

    public EnrollmentEntity lessonCompleted(String lessonId, Instant at) {
        completedLessons = with(completedLessons, lessonId);
        updatedAt = at;
        return this;
    }

    /** The list with the lesson added once: a new list, as the entity replaces its JSON columns rather than change them. */
    private static List<String> with(List<String> lessons, String lessonId) {
        if (lessons.contains(lessonId)) return lessons;
        List<String> next = new ArrayList<>(lessons);
        next.add(lessonId);
        return next;
    }

    public EnrollmentEntity timeSpent(long totalSeconds, Instant at) {
        timeSpentSeconds = totalSeconds;
        updatedAt = at;
        return this;
    }

    public EnrollmentEntity quizScored(String lessonId, int best, Instant at) {
        Map<String, Integer> next = new HashMap<>(quizScores);
        next.put(lessonId, best);
        quizScores = next;
        updatedAt = at;
        return this;
    }

    public EnrollmentEntity completed(String certificateId, Integer quizAverage, Instant at) {
        this.certificateId = certificateId;
        this.quizAverage = quizAverage;
        this.completedAt = at;
        if (accessActive) status = COMPLETED;
        updatedAt = at;
        return this;
    }

    public String getEnrollmentId() { return enrollmentId; }
    public String getUserId() { return userId; }
    public String getCourseId() { return courseId; }
    public String getStatus() { return status; }
    public boolean isAccessActive() { return accessActive; }
    public List<String> getCompletedLessons() { return completedLessons; }
    public List<String> getOpenedLessons() { return openedLessons; }
    public Map<String, Integer> getQuizScores() { return quizScores; }
    public long getTimeSpentSeconds() { return timeSpentSeconds; }
    public String getCertificateId() { return certificateId; }
    public Integer getQuizAverage() { return quizAverage; }
    public List<Grant> getGrants() { return grants; }
    public Instant getEnrolledAt() { return enrolledAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
