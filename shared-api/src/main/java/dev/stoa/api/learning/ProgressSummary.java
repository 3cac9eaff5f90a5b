package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;
import java.util.Map;

/**
 * An enrollment's progress as its aggregate decided it: percent of the course's published lessons complete, those
 * lessons, time spent, {@code status} (active, completed, revoked), the best score per quiz lesson, the certificate
 * once completed, and the quiz just scored ({@code quizResult}, null when none was submitted). Never the correct answers.
 */
public record ProgressSummary(String courseId, int progressPercent, List<String> completedLessons,
                              long timeSpentSeconds, String status, Map<String, Integer> quizScores,
                              @MayBeNull String certificateId, @MayBeNull QuizResult quizResult) {
    /** One scored attempt: {@code correctCount} of {@code questionCount}, its percent, and the best of all attempts. */
    public record QuizResult(String lessonId, int correctCount, int questionCount, int scorePercent, int bestScorePercent) {}
}
