package dev.stoa.api.learning;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A draft lesson was added to a course (fields as in {@link LessonDetails}). */
@Revision("1")
public record LessonAdded(CourseId courseId, LessonId lessonId, String title, LessonType type, int position,
                          Integer durationSeconds, String contentRef, String body, List<QuizQuestion> quiz) {}
