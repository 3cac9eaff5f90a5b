package dev.stoa.api.learning;

import org.axonframework.serialization.Revision;

/** A course closed to new enrollments; its enrolled students keep access. */
@Revision("1")
public record CourseArchived(CourseId courseId) {}
