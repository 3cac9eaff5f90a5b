package dev.stoa.api.learning;

import dev.stoa.api.catalog.CategoryId;

/**
 * The instructor-editable fields of a course. {@code priceCents} 0 makes it free. {@code passingScore} is the quiz
 * average (percent, 0-100) a student needs to complete the course; null means the platform's default.
 */
public record CourseDetails(String title, String description, long priceCents, String currency, CategoryId categoryId,
                            Integer passingScore) {}
