package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a course is: draft (its instructor's only), published (visible, open to enrollment), archived (closed). */
public enum CourseStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    @JsonValue
    public String value() { return name().toLowerCase(Locale.ROOT); }
}
