package dev.stoa.command.learning;

import dev.stoa.api.learning.LessonDetails;
import dev.stoa.api.learning.LessonType;
import dev.stoa.api.learning.QuizQuestion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.List;
import java.util.Set;

/**
 * Body of POST and PUT /api/v1/courses/{courseId}/lessons[/{lessonId}]. By type: video needs durationSeconds (its
 * media comes by upload or as an https contentRef), reading and assignment a body, quiz its questions.
 */
record LessonRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull LessonType type,
        @NotNull @Min(1) @Max(10_000) Integer position,
        @PositiveOrZero @Max(86_400) Integer durationSeconds,
        @Size(max = 2000) String contentRef,
        @Size(max = 100_000) String body,
        @Size(max = 200) List<@Valid @NotNull Question> quiz) {

    /** A quiz question: its prompt, choices in order, and the indexes (from 0) of the correct ones. */
    record Question(@NotBlank @Size(max = 2000) String prompt,
                    @NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 500) String> choices,
                    @NotNull @Size(min = 1, max = 20) Set<@NotNull Integer> correct) {}

    LessonDetails details() {
        List<QuizQuestion> questions = quiz == null ? List.of()
                : quiz.stream().map(q -> new QuizQuestion(q.prompt(), q.choices(), q.correct())).toList();
        return new LessonDetails(title, type, position, durationSeconds, contentRef, body, questions);
    }
}
