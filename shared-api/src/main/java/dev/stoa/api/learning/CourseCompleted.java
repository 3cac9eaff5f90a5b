package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * A student completed a course: every published lesson complete and the quiz average ({@code quizAverage}, percent,
 * null when the course has no quiz) at or above the course's passing score. Issues the certificate
 * {@code certificateId}; emitted once per enrollment.
 */
@Revision("1")
public record CourseCompleted(EnrollmentId enrollmentId, UserId userId, CourseId courseId, CertificateId certificateId,
                              Integer quizAverage) {}
