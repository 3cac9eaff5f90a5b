package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** The student marked a published lesson complete (once per lesson). */
@Revision("1")
public record LessonCompleted(EnrollmentId enrollmentId, UserId userId, CourseId courseId, LessonId lessonId) {}
