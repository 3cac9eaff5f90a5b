package dev.stoa.command.payment;

import dev.stoa.api.identity.UserId;

/**
 * The seam to learning: how far (0-100 percent) a user is through a course, for the refund rule "course lines only under
 * {@code stoa.refunds.max-course-progress}". The learning context provides the real answer when it is built.
 */
public interface CourseProgress {
    int percent(UserId user, String courseId);
}
