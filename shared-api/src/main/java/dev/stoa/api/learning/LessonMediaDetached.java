package dev.stoa.api.learning;

import org.axonframework.serialization.Revision;

/**
 * The lesson has no media any more: its upload or link ({@code contentRef}, as it was) was taken off by its instructor or
 * an admin. An uploaded file stays in the content store (the log names it), and may be attached again.
 */
@Revision("1")
public record LessonMediaDetached(CourseId courseId, LessonId lessonId, String contentRef) {}
