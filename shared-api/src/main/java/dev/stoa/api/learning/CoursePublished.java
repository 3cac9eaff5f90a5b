package dev.stoa.api.learning;

import org.axonframework.serialization.Revision;

/** A course became visible to students and open to enrollment. */
@Revision("1")
public record CoursePublished(CourseId courseId) {}
