package dev.stoa.api.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;

/**
 * One review of a course, as its list shows it to {@code viewer}: the address {@code POST .../reviews} answers in
 * {@code Location}; null for a review that is not the course's, or a course the viewer may not read.
 */
public record FindCourseReview(CourseId courseId, String reviewId, Actor viewer) {}
