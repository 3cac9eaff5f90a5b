package dev.stoa.api.learning;

import dev.stoa.api.catalog.CategoryId;
import org.axonframework.serialization.Revision;

/** A course's editable fields, as they now are (the whole set, not a diff). */
@Revision("1")
public record CourseUpdated(CourseId courseId, String title, String description, long priceCents, String currency,
                            CategoryId categoryId, int passingScore) {}
