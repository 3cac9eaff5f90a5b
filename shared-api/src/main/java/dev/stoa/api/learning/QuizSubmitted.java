package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/**
 * The student submitted a quiz lesson's answers, scored on the server: {@code correctCount} of {@code questionCount} right,
 * {@code scorePercent} (rounded down); {@code bestScorePercent} is the best of all their attempts, the one that counts.
 * The answers themselves and the correct ones are not in the event.
 */
@Revision("1")
public record QuizSubmitted(EnrollmentId enrollmentId, UserId userId, CourseId courseId, LessonId lessonId, int correctCount,
                            int questionCount, int scorePercent, int bestScorePercent) {}
