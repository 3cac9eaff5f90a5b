package dev.stoa.api.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What a reader gets of a lesson: a video's short-lived signed {@code url} (with {@code expiresAt}) and duration; a
 * reading's or an assignment's {@code body}; a quiz's questions without their answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonContent(LessonType type, String url, Instant expiresAt, Integer durationSeconds, String body,
                            List<Question> questions) {
    /**
     * A quiz question as a student sees it: prompt and choices, never which are correct; {@code multipleAnswers} says
     * whether more than one choice is right (a question scores when the chosen set is exactly the right one, so a
     * student must know to choose several: before 2026-12-07 nothing told them, walkthrough Z33), not how many.
     */
    public record Question(int index, String prompt, List<String> choices, boolean multipleAnswers) {}
}
