package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * The grant {@code reference} (of {@code source}) was taken back, {@code reason} {@code refunded} or
 * {@code cancelled}. {@code accessActive}: whether another unrevoked grant still gives the student access.
 */
@Revision("1")
public record EnrollmentRevoked(EnrollmentId enrollmentId, UserId userId, CourseId courseId, String source,
                                String reference, String reason, boolean accessActive) {}
