package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import java.util.List;

/** One page of a published course's reviews, newest first; null for a course that is not published or does not exist. */
public record FindCourseReviews(CourseId courseId, int limit, int offset) {
    /** {@code total}: how many reviews the course has. */
    public record Result(List<CourseReviewView> items, long total, int limit, int offset) {}
}
