package dev.stoa.api.learning;

import java.time.Instant;

/**
 * What a certificate's verification shows: who completed which course, taught by whom, when, with which quiz
 * average (null: the course has no quiz). {@code studentName} reads {@code [erased]} once the student was erased.
 */
public record CertificateView(CertificateId certificateId, String studentName, CourseId courseId, String courseTitle,
                              String instructorName, Instant issuedAt, Integer quizAverage, boolean valid,
                              Instant revokedAt) {}
