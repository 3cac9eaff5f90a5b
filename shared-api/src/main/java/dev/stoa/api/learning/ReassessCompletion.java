package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The course's rules changed in the student's favour (its passing score was lowered): the enrollment checks its
 * completion again against the course as it is now, and issues the certificate ({@link CourseCompleted}) if it is met.
 * Nothing for a student already completed, without access, or still short of it. Sent by the {@code course-completion}
 * processor to each student of the course, never by a client.
 */
public record ReassessCompletion(UserId userId, CourseId courseId) {
    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
