package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** The student reported {@code seconds} more on a lesson; {@code totalSeconds}: their time on the whole course now. */
@Revision("1")
public record LessonTimeSpent(EnrollmentId enrollmentId, UserId userId, CourseId courseId, LessonId lessonId,
                              int seconds, long totalSeconds) {}
