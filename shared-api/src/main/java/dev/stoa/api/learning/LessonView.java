package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stoa.api.platform.MayBeNull;
import java.util.List;

/**
 * One lesson. The outline (what anyone sees) has id, title, type, position and durationSeconds; the other fields are
 * present only for the course's instructor and admins, so quiz answers never reach a student. {@code durationSeconds}
 * is there when null too (a reading without one): the outline's fields are always all there (it was left out before
 * 2026-12-06, ninth session).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonView(String id, String title, LessonType type, int position,
                         @JsonInclude(JsonInclude.Include.ALWAYS) @MayBeNull Integer durationSeconds, Boolean published,
                         String contentRef, String mediaType, String body, List<QuizQuestion> quiz) {
    public static LessonView outline(String id, String title, LessonType type, int position, Integer durationSeconds) {
        return new LessonView(id, title, type, position, durationSeconds, null, null, null, null, null);
    }
}
