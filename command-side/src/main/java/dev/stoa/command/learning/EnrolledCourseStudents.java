package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.review.CourseStudents;
import org.springframework.stereotype.Component;

/** Who may review a course, answered by the student's {@link Enrollment} and the course's own events. */
@Component
class EnrolledCourseStudents implements CourseStudents {
    private final Enrollments enrollments;
    private final CourseCatalog catalog;

    EnrolledCourseStudents(Enrollments enrollments, CourseCatalog catalog) {
        this.enrollments = enrollments;
        this.catalog = catalog;
    }

    @Override
    public Standing standing(String userId, CourseId courseId) {
        UserId user = new UserId(userId);
        if (!enrollments.hasAccess(user, courseId)) return Standing.NOT_A_STUDENT;
        return enrollments.startedWithAccess(user, courseId) ? Standing.STARTED : Standing.ENROLLED;
    }

    @Override
    public boolean courseExists(CourseId courseId) { return catalog.course(courseId).isPresent(); }
}
