package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a lesson's editable fields; only the course's instructor or an admin may. */
public record UpdateLesson(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, LessonDetails details,
                           Actor actor) {}
