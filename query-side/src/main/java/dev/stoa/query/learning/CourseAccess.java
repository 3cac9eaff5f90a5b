package dev.stoa.query.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;

/** Whether a user may read a course's lesson content as a student (enrolled, access not revoked). */
public interface CourseAccess {
    boolean canRead(UserId userId, CourseId courseId);

    /** Whether the user was enrolled and every grant of the course was revoked since (refunded or cancelled). */
    default boolean revoked(UserId userId, CourseId courseId) { return false; }
}
