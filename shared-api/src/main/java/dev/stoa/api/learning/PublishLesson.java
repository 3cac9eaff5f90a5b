package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a draft lesson visible to the course's students (and count towards their progress). */
public record PublishLesson(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, Actor actor) {}
