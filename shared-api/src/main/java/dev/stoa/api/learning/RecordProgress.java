package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A student's progress on one published lesson: {@code completed} marks it complete, {@code secondsSpent} adds time,
 * {@code quizAnswers} (a quiz lesson: per question, the chosen choice indexes) is scored on the server and completes
 * the lesson. Answers the enrollment's {@link ProgressSummary}.
 */
public record RecordProgress(UserId userId, CourseId courseId, LessonId lessonId, boolean completed,
                             Integer secondsSpent, List<List<Integer>> quizAnswers) {
    @TargetAggregateIdentifier
    public String enrollmentId() { return EnrollmentId.of(userId, courseId).value(); }
}
