package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * The student opened a published lesson's content for the first time (once per lesson; later openings record
 * nothing). Counted with the lessons completed by the refund rule ({@code stoa.refunds.max-course-progress}).
 */
@Revision("1")
public record LessonOpened(EnrollmentId enrollmentId, UserId userId, CourseId courseId, LessonId lessonId) {}
