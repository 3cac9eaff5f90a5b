package dev.stoa.api.learning;

import java.util.List;

/**
 * The editable fields of a lesson. {@code position} orders the course's lessons (1 first). By type: a video has
 * {@code durationSeconds} and a {@code contentRef} (an uploaded media's reference, or an external reference); a
 * reading its {@code body}; an assignment its instructions in {@code body}; a quiz its {@code quiz} questions.
 */
public record LessonDetails(String title, LessonType type, int position, Integer durationSeconds, String contentRef,
                            String body, List<QuizQuestion> quiz) {
    public LessonDetails {
        quiz = quiz == null ? List.of() : List.copyOf(quiz);
    }
}
