package dev.stoa.api.learning;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** An instructor created a draft course. {@code passingScore} is resolved (never null). */
@Revision("1")
public record CourseCreated(CourseId courseId, UserId instructorId, String title, String description, long priceCents,
                            String currency, CategoryId categoryId, int passingScore) {}
