package dev.stoa.api.review;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One course review as anyone reads it: {@code authorName} the author's first name and initial ({@code [erased]} once
 * the author was erased, null if the platform knows no profile of theirs); {@code comment} null when none,
 * {@code [erased]} once the author was erased.
 */
public record CourseReviewView(String id, String courseId, int rating, @MayBeNull String comment, @MayBeNull String authorName,
                               Instant createdAt, Instant updatedAt) {}
