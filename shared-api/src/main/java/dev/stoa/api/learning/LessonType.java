package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a lesson is: a video to watch, a text to read, a quiz to pass, an assignment to do. */
public enum LessonType {
    VIDEO, READING, QUIZ, ASSIGNMENT;

    @JsonValue
    public String value() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static LessonType of(String value) {
        if (value == null) throw new IllegalArgumentException("type is required");
        for (LessonType t : values()) if (t.value().equals(value.trim().toLowerCase(Locale.ROOT))) return t;
        throw new IllegalArgumentException("type must be video, reading, quiz or assignment");
    }
}
