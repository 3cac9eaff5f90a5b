package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifies a student's enrollment in a course: one per (user, course), derived from both so that every grant of
 * the same course to the same user (free, wallet, each order) lands on the same aggregate.
 */
public record EnrollmentId(@JsonValue String value) {
    @JsonCreator
    public EnrollmentId {
        value = Ids.uuid(value, "enrollmentId");
    }

    public static EnrollmentId of(UserId userId, CourseId courseId) {
        String key = "enrollment:" + userId.value() + ":" + courseId.value();
        return new EnrollmentId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() { return value; }
}
