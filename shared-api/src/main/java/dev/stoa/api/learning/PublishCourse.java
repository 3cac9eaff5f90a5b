package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a draft course visible to students; it needs at least one published lesson. */
public record PublishCourse(@TargetAggregateIdentifier CourseId courseId, Actor actor) {}
