package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close a course to new enrollments ({@code DELETE /courses/{id}}); enrolled students keep their access. Archiving again
 * changes nothing; sent by a request, or by {@code closed-sellers} as a consequence of its instructor's closing, which
 * it completes ({@link CompletesItsWrite}).
 */
public record ArchiveCourse(@TargetAggregateIdentifier CourseId courseId, Actor actor) implements CompletesItsWrite {}
