package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * What a certificate's verification shows: who completed which course, taught by whom, when, with which quiz
 * average (null: the course has no quiz). {@code studentName} reads {@code [erased]} once the student was erased.
 */
public record CertificateView(CertificateId certificateId, @MayBeNull String studentName, CourseId courseId,
                              String courseTitle, @MayBeNull String instructorName, Instant issuedAt,
                              @MayBeNull Integer quizAverage, boolean valid, @MayBeNull Instant revokedAt) {}
