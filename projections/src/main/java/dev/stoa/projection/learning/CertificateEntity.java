package dev.stoa.projection.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read model row of one completion certificate: whose, for which course, when. Names are not copied here: the
 * verification page reads the student's and the instructor's names from the identity read model when asked, so an
 * erased student's certificate names nobody.
 */
@Entity
@Table(name = "certificate_view")
public class CertificateEntity {
    @Id
    @Column(name = "certificate_id") private String certificateId;
    @Column(name = "enrollment_id") private String enrollmentId;
    @Column(name = "user_id") private String userId;
    @Column(name = "course_id") private String courseId;
    @Column(name = "quiz_average") private Integer quizAverage;
    @Column(name = "issued_at") private Instant issuedAt;
    /** When its enrollment lost access (every grant revoked); null while valid. */
    @Column(name = "revoked_at") private Instant revokedAt;

    protected CertificateEntity() {}

    public CertificateEntity(String certificateId, String enrollmentId, String userId, String courseId,
                             Integer quizAverage, Instant issuedAt) {
        this.certificateId = certificateId;
        this.enrollmentId = enrollmentId;
        this.userId = userId;
        this.courseId = courseId;
        this.quizAverage = quizAverage;
        this.issuedAt = issuedAt;
    }

    /** Its enrollment lost access: revoked, from the first such moment on. */
    public CertificateEntity revoked(Instant at) {
        if (revokedAt == null) revokedAt = at;
        return this;
    }

    /** Access was granted again: valid again. */
    public CertificateEntity restored() {
        revokedAt = null;
        return this;
    }

    public Instant getRevokedAt() { return revokedAt; }
    public String getCertificateId() { return certificateId; }
    public String getEnrollmentId() { return enrollmentId; }
    public String getUserId() { return userId; }
    public String getCourseId() { return courseId; }
    public Integer getQuizAverage() { return quizAverage; }
    public Instant getIssuedAt() { return issuedAt; }
}
