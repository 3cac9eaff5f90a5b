package dev.stoa.api.learning;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A lesson's editable fields, as they now are (the whole set, not a diff); {@code mediaType} as in {@link LessonAdded}.
 */
@Revision("1")
public record LessonUpdated(CourseId courseId, LessonId lessonId, String title, LessonType type, int position,
                            Integer durationSeconds, String contentRef, String body, List<QuizQuestion> quiz,
                          @MayBeNull String mediaType) {}
