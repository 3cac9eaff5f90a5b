package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make an uploaded file (already in the content store under {@code contentRef}, of the sniffed {@code mediaType}) the
 * lesson's content; only the course's instructor or an admin may.
 */
public record AttachLessonMedia(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, String contentRef,
                                String mediaType, long sizeBytes, Actor actor) {}
