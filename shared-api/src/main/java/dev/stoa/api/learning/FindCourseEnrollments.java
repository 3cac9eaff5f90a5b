package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/** A course's students with their progress, and its completion rate: for the course's instructor and admins. */
public record FindCourseEnrollments(String courseId, Actor actor, int limit, int offset) {
    /** {@code completionRatePercent}: completed of all enrollments with access or completed, rounded down; 0 with none. */
    public record Result(String courseId, long enrolled, long completed, long revoked, int completionRatePercent,
                         List<Student> items, long total, int limit, int offset) {}

    public record Student(String userId, String status, int progressPercent, long timeSpentSeconds, Instant enrolledAt,
                          @MayBeNull Instant completedAt) {}
}
