package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A draft lesson was added to a course (fields as in {@link LessonDetails}); {@code mediaType} is the type of the course's
 * upload {@code contentRef} names (null for a link, for none, and in events stored before 2026-12-07).
 */
@Revision("1")
public record LessonAdded(CourseId courseId, LessonId lessonId, String title, LessonType type, int position,
                          Integer durationSeconds, String contentRef, String body, List<QuizQuestion> quiz,
                          @MayBeNull String mediaType) {}
