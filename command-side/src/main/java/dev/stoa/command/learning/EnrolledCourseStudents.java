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
        return enrollments.ask(new UserId(userId), courseId, e -> !e.hasAccess() ? Standing.NOT_A_STUDENT
                : e.startedAny() ? Standing.STARTED : Standing.ENROLLED).orElse(Standing.NOT_A_STUDENT);
    }

    /** A draft (never published) answers as no course: its existence is its instructor's business (README, Courses). */
    @Override
    public boolean courseExists(CourseId courseId) {
        return catalog.course(courseId).filter(c -> c.published() || c.archived()).isPresent();
    }

    @Override
    public boolean teaches(String userId, CourseId courseId) {
        return catalog.course(courseId).filter(c -> c.instructorId().value().equals(userId)).isPresent();
    }
}
