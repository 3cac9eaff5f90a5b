package dev.stoa.command.review;

import dev.stoa.api.learning.CourseId;

/** Who may review a course, as the learning context knows at write time (never a lagging read model). */
public interface CourseStudents {
    enum Standing { NOT_A_STUDENT, ENROLLED, STARTED }

    /** NOT_A_STUDENT: no active enrollment; ENROLLED: no lesson completed yet; STARTED: may review. */
    Standing standing(String userId, CourseId courseId);

    boolean courseExists(CourseId courseId);
}
