package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a lesson's media (its upload or its link) off it; only the course's instructor or an admin may, and a published
 * video lesson keeps its video (another replaces it).
 */
public record DetachLessonMedia(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, Actor actor) {}
