package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a course's editable fields; only its instructor or an admin may. */
public record UpdateCourse(@TargetAggregateIdentifier CourseId courseId, CourseDetails details, Actor actor) {}
