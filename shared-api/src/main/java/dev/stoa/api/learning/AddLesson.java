package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a draft lesson to a course; only its instructor or an admin may. */
public record AddLesson(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, LessonDetails details,
                        Actor actor) {}
