package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The caller's progress in one course; refused with 403 {@code purchase_required} when never enrolled, or 404 when the
 * course is one the caller does not see (a draft or archived, unless {@code viewer} is an admin or its instructor).
 */
public record FindEnrollmentProgress(String userId, String courseId, dev.stoa.api.platform.Actor viewer) {

    /**
     * {@code quizScores}: best percent per quiz lesson attempted; {@code grants}: every entitlement with what granted
     * it and whether it was revoked (why the student has access); {@code openedLessons}: the published lessons whose
     * content the student opened, which a refund counts with those completed (since 2026-12-06).
     */
    public record Result(String courseId, String title, int progressPercent, List<String> completedLessons,
                         List<String> openedLessons, long timeSpentSeconds, String status,
                         Map<String, Integer> quizScores, @MayBeNull String certificateId, List<Grant> grants) {}

    public record Grant(String source, String reference, Instant grantedAt, @MayBeNull Instant revokedAt,
                        @MayBeNull String revokedReason) {}
}
