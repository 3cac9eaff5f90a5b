package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A student opens a published lesson's content (a video's signed URL, a reading's text, a quiz's questions). The
 * enrollment checks the access and records the first opening of each lesson ({@link LessonOpened}): what a student has
 * seen counts against a course's refund, as what they marked complete does.
 */
public record OpenLesson(UserId userId, CourseId courseId, LessonId lessonId) {
    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
