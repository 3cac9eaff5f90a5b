package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.payment.CourseProgress;
import org.springframework.stereotype.Component;

/**
 * The refund rule's progress input: the enrollment's percent of the course's published lessons opened or completed (a
 * student who read every lesson without marking one complete has had the course).
 */
@Component
class LearningCourseProgress implements CourseProgress {
    private final Enrollments enrollments;

    LearningCourseProgress(Enrollments enrollments) { this.enrollments = enrollments; }

    @Override
    public int percent(UserId user, String courseId) {
        return enrollments.consumedPercent(user, new CourseId(courseId));
    }
}
