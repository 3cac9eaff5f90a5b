package dev.stoa.api.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The caller's progress in one course; refused with 403 {@code purchase_required} when never enrolled. */
public record FindEnrollmentProgress(String userId, String courseId) {
    /**
     * {@code quizScores}: best percent per quiz lesson attempted; {@code grants}: every entitlement with what granted
     * it and whether it was revoked (why the student has access).
     */
    public record Result(String courseId, String title, int progressPercent, List<String> completedLessons,
                         long timeSpentSeconds, String status, Map<String, Integer> quizScores, String certificateId,
                         List<Grant> grants) {}

    public record Grant(String source, String reference, Instant grantedAt, Instant revokedAt, String revokedReason) {}
}
