package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;

/**
 * The seam to learning: how far (0-100 percent) a user is through a course, for the refund rule "course lines only under
 * {@code stoa.refunds.max-course-progress}": the percent of its published lessons opened or completed (learning's
 * {@code LearningCourseProgress}).
 */
public interface CourseProgress {
    int percent(UserId user, String courseId);
}
