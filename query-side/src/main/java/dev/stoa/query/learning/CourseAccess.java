package dev.stoa.query.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;

/** Whether a user may read an archived course's outline as a student (enrolled, access not revoked). */
public interface CourseAccess {
    boolean canRead(UserId userId, CourseId courseId);
}
