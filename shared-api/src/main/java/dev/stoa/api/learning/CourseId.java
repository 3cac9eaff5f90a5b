package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a course; a UUID. */
public record CourseId(@JsonValue String value) {
    @JsonCreator
    public CourseId {
        value = Ids.uuid(value, "courseId");
    }

    public static CourseId random() { return new CourseId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
