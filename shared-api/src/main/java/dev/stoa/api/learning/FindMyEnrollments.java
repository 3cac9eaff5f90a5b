package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/** "My courses": the caller's enrollments, newest first, with their progress. */
public record FindMyEnrollments(String userId, int limit, int offset) {
    public record Result(List<Item> items, long total, int limit, int offset) {}

    /** One enrollment; {@code status} active, completed or revoked. */
    public record Item(String courseId, String title, int progressPercent, String status,
                       @MayBeNull String certificateId, Instant enrolledAt, @MayBeNull Instant completedAt) {}
}
