package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stoa.api.platform.Ids;
import java.util.UUID;

/** Identifies a lesson within its course; a UUID. */
public record LessonId(@JsonValue String value) {
    @JsonCreator
    public LessonId {
        value = Ids.uuid(value, "lessonId");
    }

    public static LessonId random() { return new LessonId(UUID.randomUUID().toString()); }

    @Override
    public String toString() { return value; }
}
