package dev.stoa.api.learning;

import org.axonframework.serialization.Revision;

/**
 * An uploaded file became the lesson's content: {@code contentRef} names it in the content store (students reach it
 * through short-lived signed URLs), {@code mediaType} is what its bytes are (sniffed, not the client's header).
 */
@Revision("1")
public record LessonMediaAttached(CourseId courseId, LessonId lessonId, String contentRef, String mediaType,
                                  long sizeBytes) {}
