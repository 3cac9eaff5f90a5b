package dev.stoa.api.learning;

import org.axonframework.serialization.Revision;

/** A lesson became visible to the course's students; published lessons are what progress counts. */
@Revision("1")
public record LessonPublished(CourseId courseId, LessonId lessonId) {}
