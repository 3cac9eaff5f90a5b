package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import java.util.List;

/**
 * One page of a course's reviews, newest first, as {@code viewer} (null: anonymous) may read the course: a published
 * one's, anyone; a draft's, its instructor and admins; an archived one's, them and its students. Null otherwise, or for
 * a course that does not exist.
 */
public record FindCourseReviews(CourseId courseId, Actor viewer, int limit, int offset) {
    /** {@code total}: how many reviews the course has. */
    public record Result(List<CourseReviewView> items, long total, int limit, int offset) {}
}
