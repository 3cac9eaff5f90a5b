package dev.stoa.command.learning;

import dev.stoa.api.learning.LessonDetails;
import dev.stoa.api.learning.LessonType;
import dev.stoa.api.learning.QuizQuestion;
import dev.stoa.api.platform.DomainException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
        @Size(max = 100_000) @dev.stoa.command.platform.web.VisibleWhenGiven String body,
        @Size(max = 200) List<@Valid @NotNull Question> quiz) {

    /**
     * A quiz question: its prompt, choices in order, and the indexes (from 0) of the correct ones, each once (an index
     * given twice is refused, as a body member given twice is; it was silently taken once before 2026-12-06).
     */
    record Question(@NotBlank @Size(max = 2000) String prompt,
                    @NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(min = 1, max = 500) String> choices,
                    @ArraySchema(uniqueItems = true) @NotNull @Size(min = 1, max = 20) List<@NotNull Integer> correct) {}

    LessonDetails details() {
        List<QuizQuestion> questions = new ArrayList<>();
        for (int i = 0; quiz != null && i < quiz.size(); i++) {
            Question q = quiz.get(i);
            Set<Integer> correct = new LinkedHashSet<>(q.correct());
            if (correct.size() < q.correct().size())
                throw DomainException.badInput("quiz[" + i + "].correct names a choice twice");
            questions.add(new QuizQuestion(q.prompt(), q.choices(), correct));
        }
        return new LessonDetails(title, type, position, durationSeconds, contentRef, body, questions);
    }
}
