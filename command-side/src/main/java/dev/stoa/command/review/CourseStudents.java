package dev.stoa.command.review;

import dev.stoa.api.learning.CourseId;

/** Who may review a course, as the learning context knows at write time (never a lagging read model). */
public interface CourseStudents {
    enum Standing { NOT_A_STUDENT, ENROLLED, STARTED }

    /** NOT_A_STUDENT: no active enrollment; ENROLLED: no lesson completed yet; STARTED: may review. */
    Standing standing(String userId, CourseId courseId);

    /** Whether the course is one others may know of: published (archived since or not); a draft is its instructor's. */
    boolean courseExists(CourseId courseId);

    /** Whether the user is the course's instructor, who does not review their own course. */
    boolean teaches(String userId, CourseId courseId);
}
