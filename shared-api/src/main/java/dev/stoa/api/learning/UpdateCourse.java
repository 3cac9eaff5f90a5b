package dev.stoa.api.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace a course's editable fields; only its instructor or an admin may. {@code instructorId}: the one the request
 * named, or null; a course stays with its instructor, so naming another is refused (it was ignored before 2026-12-07).
 */
public record UpdateCourse(@TargetAggregateIdentifier CourseId courseId, CourseDetails details, Actor actor,
                           UserId instructorId) {
    public UpdateCourse(CourseId courseId, CourseDetails details, Actor actor) { this(courseId, details, actor, null); }
}
