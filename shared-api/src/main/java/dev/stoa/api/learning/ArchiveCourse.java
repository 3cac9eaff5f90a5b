package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a course to new enrollments ({@code DELETE /courses/{id}}); enrolled students keep their access. */
public record ArchiveCourse(@TargetAggregateIdentifier CourseId courseId, Actor actor) {}
