package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An instructor (or an admin for {@code instructorId}) creates a course; it starts as a draft. */
public record CreateCourse(@TargetAggregateIdentifier CourseId courseId, UserId instructorId, CourseDetails details,
                           Actor actor) {}
